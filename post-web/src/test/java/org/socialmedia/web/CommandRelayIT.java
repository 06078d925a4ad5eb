package org.socialmedia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.web.support.AppPorts;
import org.socialmedia.web.support.BrowserSession;
import org.socialmedia.web.support.CommandServiceStandIn;
import org.socialmedia.web.support.CommandServiceStandIn.Received;
import org.socialmedia.web.support.IdentityProvider;
import org.socialmedia.web.support.Ports;
import org.socialmedia.web.support.WebApp;

/**
 * The app as a browser uses it: a real login at the real identity provider, then commands relayed
 * to a real HTTP server standing in for post-cmd, which shows what arrived.
 */
class CommandRelayIT {

    private static final String POST = "/api/v1/posts/7d7c3a61-5b8a-4a53-9d1e-0c1f0f7c1a11";

    static CommandServiceStandIn commandService;
    static WebApp app;
    static BrowserSession alice;

    @BeforeAll
    static void start() {
        IdentityProvider provider = IdentityProvider.shared();
        commandService = new CommandServiceStandIn();
        app = WebApp.start(AppPorts.RELAY, provider, commandService.url(), Map.of("app.web.command-timeout", "1s"));
        alice = new BrowserSession();
        alice.logIn(app.url(), "alice", "alice");
        alice.get(app.url() + "/me");
    }

    @AfterAll
    static void stop() {
        app.close();
        commandService.close();
    }

    @BeforeEach
    void reset() {
        commandService.received().clear();
        commandService.delay(Duration.ZERO);
    }

    @Test
    void servesTheAppAndItsSettingsToAnyone() {
        BrowserSession anonymous = new BrowserSession();

        HttpResponse<String> page = anonymous.get(app.url() + "/");
        HttpResponse<String> settings = anonymous.get(app.url() + "/config.json");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("app/main.js");
        assertThat(anonymous.get(app.url() + "/app/main.js").statusCode()).isEqualTo(200);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).isEqualTo("{\"queryUrl\":\"http://query.test:8082\"}");
        assertThat(anonymous.hasCookie("XSRF-TOKEN")).as("the CSRF cookie for the first change").isTrue();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("connect-src 'self' http://query.test:8082"));
    }

    @Test
    void withoutALoginMeIsAProblemNotARedirect() {
        HttpResponse<String> me = new BrowserSession().get(app.url() + "/me");

        assertProblem(me, 401);
    }

    @Test
    void theLoginEndsInMeNamingTheUser() {
        HttpResponse<String> me = alice.get(app.url() + "/me");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"username\":\"alice\",\"admin\":false}");
    }

    @Test
    void theAdminIsToldApart() {
        BrowserSession admin = new BrowserSession();
        admin.logIn(app.url(), "admin", "admin");

        assertThat(admin.get(app.url() + "/me").body()).isEqualTo("{\"username\":\"admin\",\"admin\":true}");
    }

    @Test
    void aCommandIsRelayedWithTheUsersTokenAndTheHeadersGoBothWays() {
        commandService.answer(new CommandServiceStandIn.Answer(200, Map.of("Content-Type", "application/json",
                "ETag", "\"5\"", "Location", "http://localhost:8082" + POST, "Retry-After", "7",
                "X-Internal", "not for the browser"), "{\"id\":\"x\",\"version\":5}"));

        HttpResponse<String> answer = alice.sendWithCsrf("PUT", app.url() + "/cmd" + POST + "/message",
                "{\"message\":\"edited\"}", Map.of("If-Match", "\"4\"", "Accept", "application/json"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"id\":\"x\",\"version\":5}");
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"5\"");
        assertThat(answer.headers().firstValue("Location")).hasValue("http://localhost:8082" + POST);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.headers().firstValue("X-Internal")).isEmpty();

        assertThat(commandService.received()).hasSize(1);
        Received received = commandService.received().get(0);
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.pathAndQuery()).isEqualTo(POST + "/message");
        assertThat(received.body()).isEqualTo("{\"message\":\"edited\"}");
        assertThat(received.headers().getFirst("If-Match")).isEqualTo("\"4\"");
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(received.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(received.headers().containsKey("Cookie")).as("the app's cookies stay with the app").isFalse();
        assertThat(received.headers().containsKey("X-XSRF-TOKEN")).isFalse();
        String authorization = received.headers().getFirst("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        assertThat(claims(authorization.substring("Bearer ".length()))).contains("\"preferred_username\":\"alice\"");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheCommandIsRelayed() {
        alice.sendWithCsrf("POST", app.url() + "/cmd/api/v1/posts", "{\"message\":\"one\"}", Map.of());
        alice.sendWithCsrf("POST", app.url() + "/cmd/api/v1/posts", "{\"message\":\"two\"}", Map.of());

        assertThat(commandService.received()).hasSize(2);
        String first = commandService.received().get(0).headers().getFirst("Authorization");
        String second = commandService.received().get(1).headers().getFirst("Authorization");
        assertThat(second).as("a new access token, from the refresh token").isNotEqualTo(first);
        assertThat(claims(second.substring("Bearer ".length()))).contains("\"preferred_username\":\"alice\"");
    }

    @Test
    void aRefusalComesBackAsItIs() {
        commandService.answer(new CommandServiceStandIn.Answer(412, Map.of("Content-Type", "application/problem+json"),
                "{\"status\":412,\"detail\":\"changed\"}"));

        HttpResponse<String> answer = alice.sendWithCsrf("DELETE", app.url() + "/cmd" + POST + "?username=alice", null,
                Map.of());

        assertThat(answer.statusCode()).isEqualTo(412);
        assertThat(answer.body()).isEqualTo("{\"status\":412,\"detail\":\"changed\"}");
        assertThat(commandService.received().get(0).pathAndQuery()).isEqualTo(POST + "?username=alice");
    }

    @Test
    void withoutALoginACommandIsAProblemAndNothingIsRelayed() {
        BrowserSession anonymous = new BrowserSession();
        anonymous.get(app.url() + "/config.json");

        HttpResponse<String> answer = anonymous.sendWithCsrf("POST", app.url() + "/cmd/api/v1/posts",
                "{\"message\":\"hi\"}", Map.of());

        assertProblem(answer, 401);
        assertThat(commandService.received()).isEmpty();
    }

    @Test
    void withoutTheCsrfHeaderACommandIsRefused() {
        HttpResponse<String> answer = alice.send("POST", app.url() + "/cmd/api/v1/posts", "{\"message\":\"hi\"}",
                Map.of());

        assertProblem(answer, 403);
        assertThat(commandService.received()).isEmpty();
    }

    @Test
    void whenPostCmdIsDownTheAnswerIs503WithRetryAfter() {
        try (WebApp pointingNowhere = WebApp.start(Ports.free(), IdentityProvider.shared(), "http://localhost:" + Ports.free(),
                     Map.of())) {
            // The same session serves this instance too: the sessions are in the shared database.
            HttpResponse<String> answer = alice.sendWithCsrf("POST", pointingNowhere.url() + "/cmd/api/v1/posts",
                    "{\"message\":\"hi\"}", Map.of());

            assertProblem(answer, 503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        }
    }

    @Test
    void whenPostCmdIsSlowTheAnswerIs503WithRetryAfter() {
        commandService.delay(Duration.ofSeconds(3));

        HttpResponse<String> answer = alice.sendWithCsrf("POST", app.url() + "/cmd/api/v1/posts", "{\"message\":\"hi\"}",
                Map.of());

        assertProblem(answer, 503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void onlyThePostCommandsAreRelayed() {
        for (String path : new String[] {"/cmd/api/v1/admin/replay", "/cmd/api/v1/posts/..%2F..%2Fadmin/replay",
                "/cmd/api/v1/posts/%2e%2e/%2e%2e/admin/replay", "/cmd/api/v1/posts/x/../../admin/replay",
                "/cmd/api/v1/posts/a/b/c/d/e", "/cmd/api/v1/postsx", "/cmd/api/v1/posts/a%3Bb"}) {
            HttpResponse<String> answer = alice.sendWithCsrf("POST", app.url() + path, null, Map.of());

            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(commandService.received()).isEmpty();
    }

    @Test
    void readsAreNotRelayed() {
        HttpResponse<String> answer = alice.get(app.url() + "/cmd" + POST);

        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(commandService.received()).isEmpty();
    }

    @Test
    void theLogoutEndsTheSessionHereAndSendsTheBrowserToTheProvider() {
        BrowserSession bob = new BrowserSession();
        bob.logIn(app.url(), "bob", "bob");
        bob.get(app.url() + "/me");

        HttpResponse<String> logout = bob.sendWithCsrf("POST", app.url() + "/logout", null,
                Map.of("Accept", "application/json"));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.body()).contains(IdentityProvider.shared().issuer() + "/connect/logout?id_token_hint=")
                .contains("post_logout_redirect_uri=" + app.url() + "/");
        assertProblem(bob.get(app.url() + "/me"), 401);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"detail\":");
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
