package org.socialmedia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialmedia.web.support.AppPorts;
import org.socialmedia.web.support.BrowserSession;
import org.socialmedia.web.support.CommandServiceStandIn;
import org.socialmedia.web.support.IdentityProvider;
import org.socialmedia.web.support.WebApp;

/**
 * Two instances behind one load balancer: a login made through one is a login at the other,
 * since the sessions (and the user's tokens in them) are in the database they share.
 */
class SharedSessionsIT {

    static CommandServiceStandIn commandService;
    static WebApp first;
    static WebApp second;

    @BeforeAll
    static void start() {
        IdentityProvider provider = IdentityProvider.shared();
        commandService = new CommandServiceStandIn();
        first = WebApp.start(AppPorts.FIRST, provider, commandService.url(), Map.of());
        second = WebApp.start(AppPorts.SECOND, provider, commandService.url(), Map.of());
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        commandService.close();
    }

    @Test
    void aLoginAtOneInstanceIsALoginAtTheOther() {
        BrowserSession carol = new BrowserSession();
        carol.logIn(first.url(), "carol", "carol");

        HttpResponse<String> me = carol.get(second.url() + "/me");
        HttpResponse<String> command = carol.sendWithCsrf("POST", second.url() + "/cmd/api/v1/posts",
                "{\"message\":\"hi\"}", Map.of());

        assertThat(me.body()).isEqualTo("{\"username\":\"carol\",\"admin\":false}");
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(commandService.received()).last().satisfies(received ->
                assertThat(received.headers().getFirst("Authorization")).startsWith("Bearer "));
    }

    @Test
    void aLogoutAtOneInstanceIsALogoutAtTheOther() {
        BrowserSession dave = new BrowserSession();
        dave.logIn(first.url(), "dave", "dave");
        assertThat(dave.get(second.url() + "/me").statusCode()).isEqualTo(200);

        dave.sendWithCsrf("POST", second.url() + "/logout", null, Map.of("Accept", "application/json"));

        assertThat(dave.get(first.url() + "/me").statusCode()).isEqualTo(401);
    }
}
