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
 * Compose's configuration: no discovery (an empty issuer-uri), the browser sent to the provider at
 * one address ({@code localhost}) while the app reaches it at another ({@code 127.0.0.1} here,
 * {@code keycloak} in compose) for the tokens, the keys and the user's claims; the ID token's
 * issuer and the logout endpoint are given as the browser knows them.
 */
class SplitEndpointsIT {

    static CommandServiceStandIn commandService;
    static WebApp app;
    static String issuer;

    @BeforeAll
    static void start() {
        IdentityProvider provider = IdentityProvider.shared();
        issuer = provider.issuer();
        String backChannel = issuer.replace("localhost", "127.0.0.1");
        commandService = new CommandServiceStandIn();
        app = WebApp.start(AppPorts.SPLIT, provider, commandService.url(), Map.of(
                "spring.security.oauth2.client.provider.social.issuer-uri", "",
                "spring.security.oauth2.client.provider.social.authorization-uri", issuer + "/oauth2/authorize",
                "spring.security.oauth2.client.provider.social.token-uri", backChannel + "/oauth2/token",
                "spring.security.oauth2.client.provider.social.jwk-set-uri", backChannel + "/oauth2/jwks",
                "spring.security.oauth2.client.provider.social.user-info-uri", backChannel + "/userinfo",
                "app.web.login.issuer", issuer,
                "app.web.login.end-session-uri", issuer + "/connect/logout"));
    }

    @AfterAll
    static void stop() {
        app.close();
        commandService.close();
    }

    @Test
    void theLoginAndTheLogoutWorkWithTheEndpointsGivenOneByOne() {
        BrowserSession bob = new BrowserSession();
        bob.logIn(app.url(), "bob", "bob");

        assertThat(bob.get(app.url() + "/me").body()).isEqualTo("{\"username\":\"bob\",\"admin\":false}");

        HttpResponse<String> logout = bob.sendWithCsrf("POST", app.url() + "/logout", null,
                Map.of("Accept", "application/json"));
        assertThat(logout.body()).contains(issuer + "/connect/logout?id_token_hint=");
    }

    @Test
    void anIdTokenFromAnotherIssuerThanTheConfiguredOneIsRefused() {
        try (WebApp expectingAnother = WebApp.start(AppPorts.WRONG_ISSUER, IdentityProvider.shared(), commandService.url(),
                Map.of("spring.security.oauth2.client.provider.social.issuer-uri", "",
                        "spring.security.oauth2.client.provider.social.authorization-uri", issuer + "/oauth2/authorize",
                        "spring.security.oauth2.client.provider.social.token-uri", issuer + "/oauth2/token",
                        "spring.security.oauth2.client.provider.social.jwk-set-uri", issuer + "/oauth2/jwks",
                        "app.web.login.issuer", "http://another.test"))) {
            BrowserSession carol = new BrowserSession();

            HttpResponse<String> backAtTheApp = carol.logIn(expectingAnother.url(), "carol", "carol");

            assertThat(backAtTheApp.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/?login=failed"));
            assertThat(carol.get(expectingAnother.url() + "/me").statusCode()).isEqualTo(401);
        }
    }
}
