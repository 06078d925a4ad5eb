package org.socialmedia.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.devstack.e2e.RunningPair;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.Http;
import org.socialmedia.testsupport.api.LookupApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialmedia.testsupport.api.Http.object;

/**
 * What a developer types next to a running devstack: {@code ./devstack token alice} and
 * {@code ./devstack mint NAME} print a token the services accept, and the ready banner says
 * where everything is and who to log in as.
 */
@ExtendWith(RunningPair.class)
class DevStackCommandsIT {

    private final LocalStack stack;
    private final LookupApi lookups;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    DevStackCommandsIT(LocalStack stack, LookupApi lookups) {
        this.stack = stack;
        this.lookups = lookups;
    }

    @Test
    void theScriptPrintsAKnownUsersTokenAloneOnItsLine() throws IOException, InterruptedException {
        Path root = RepositoryRoot.find(Path.of(""));
        Process script = new ProcessBuilder("sh", "devstack", "token", "alice", "--auth-port=" + authPort())
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(script.exitValue()).isZero();
        assertThat(printed.lines().toList()).hasSize(1);
        assertThat(postWith(printed.trim()).status()).isEqualTo(201);
    }

    @Test
    void tokenActsAsTheKnownUser() {
        int status = run("token", "dave");

        assertThat(status).isZero();
        Answer created = postWith(out.toString(StandardCharsets.UTF_8).trim());
        assertThat(created.status()).isEqualTo(201);
        assertThat(lookups.post(created.id(), 1).json().get("author").asString()).isEqualTo("dave");
    }

    @Test
    void mintActsAsAnyName() {
        int status = run("mint", "erin-" + System.nanoTime());

        assertThat(status).isZero();
        Answer created = postWith(out.toString(StandardCharsets.UTF_8).trim());
        assertThat(created.status()).isEqualTo(201);
        assertThat(lookups.post(created.id(), 1).json().get("author").asString()).startsWith("erin-");
    }

    @Test
    void anUnknownUserIsNamedWithTheWayToMintOne() {
        int status = run("token", "mallory");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("knows no user mallory").contains("alice, bob, carol, dave, admin")
                .contains("./devstack mint mallory");
    }

    @Test
    void theBannerShowsTheProviderTheUsersTheProbesAndTheManagementPorts() {
        String banner = ReadyBanner.of(stack, 1234);

        assertThat(banner).contains("issuer      " + stack.issuerUrl())
                .contains("alice/alice, bob/bob, carol/carol, dave/dave")
                .contains("admin/admin, the only one granted posts.admin")
                .contains("client id social-web").contains("PKCE")
                .contains(stack.commandServiceUrl() + "/swagger-ui/oauth2-redirect.html")
                .contains(stack.queryServiceUrl() + "/swagger-ui/oauth2-redirect.html")
                .contains("http://localhost:5173/callback")
                .contains(stack.commandServiceUrl() + "/swagger-ui.html")
                .contains(stack.commandServiceUrl() + "/livez").contains(stack.queryServiceUrl() + "/readyz")
                .contains(stack.commandServiceManagementUrl() + "/actuator/prometheus")
                .contains(stack.queryServiceManagementUrl() + "/actuator/health")
                .contains("TOKEN=$(./devstack token alice --auth-port=" + authPort() + ")");
        assertThat(new Http(stack.commandServiceUrl()).get("/livez").status()).isEqualTo(200);
        assertThat(new Http(stack.queryServiceUrl()).get("/readyz").status()).isEqualTo(200);
        assertThat(new Http(stack.commandServiceManagementUrl()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(new Http(stack.queryServiceManagementUrl()).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Http(stack.issuerUrl()).get("/.well-known/openid-configuration").body())
                .contains("\"issuer\":\"" + stack.issuerUrl() + "\"");
    }

    @Test
    void theSocialAppComesFirstInTheBannerAndReadsThisStacksPostQuery() {
        String banner = ReadyBanner.of(stack, 1234);
        Http app = new Http(stack.webAppUrl());

        assertThat(banner.strip().lines().skip(1).filter(line -> !line.isBlank()).findFirst())
                .hasValueSatisfying(line -> assertThat(line.strip()).startsWith("Social app: " + stack.webAppUrl()));
        assertThat(app.get("/").body()).contains("app/main.js");
        assertThat(app.get("/config.json").body()).isEqualTo("{\"queryUrl\":\"" + stack.queryServiceUrl() + "\"}");
        assertThat(app.get("/me").status()).isEqualTo(401);
        // The browser reads post-query from the app's origin, whatever port the app has.
        HttpResponse<String> preflight = preflight(stack.queryServiceUrl() + "/api/v1/posts", stack.webAppUrl());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(stack.webAppUrl());
    }

    private static HttpResponse<String> preflight(String url, String origin) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer postWith(String token) {
        return new Http(stack.commandServiceUrl()).bearer(token).send("POST", "/api/v1/posts", object("message", "from the shell"));
    }

    private int run(String command, String name) {
        return TokenCommand.run(List.of(command, name, "--auth-port=" + authPort()), Map.<String, String>of()::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String authPort() {
        return stack.issuerUrl().substring(stack.issuerUrl().lastIndexOf(':') + 1);
    }
}
