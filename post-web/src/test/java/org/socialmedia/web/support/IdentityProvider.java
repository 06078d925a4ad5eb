package org.socialmedia.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The real development identity provider, post-devauth, from its executable jar in a child JVM,
 * as the devstack runs it, with access tokens of 20 s: the social app's client {@code social-bff} may be sent back to each of
 * the given app addresses. One per test JVM; it stops with the JVM.
 */
public final class IdentityProvider {

    private static IdentityProvider running;

    private final Process process;
    private final String issuer;

    private IdentityProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Starts it once, for the apps of {@link AppPorts}; later calls get the same one. */
    public static synchronized IdentityProvider shared() {
        if (running == null) {
            running = start(AppPorts.ALL.stream().map(port -> "http://localhost:" + port).toList());
        }
        return running;
    }

    public String issuer() {
        return issuer;
    }

    private static IdentityProvider start(List<String> appUrls) {
        int port = Ports.free();
        String issuer = "http://localhost:" + port;
        Path jar = jar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "post-devauth.log").toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", issuer);
        // Shorter than the 60 s of clock skew Spring Security allows for: every access token is already
        // "expired" for the app, which refreshes it before each command it relays. So every relay test
        // goes through a refresh at the provider.
        builder.environment().put("APP_DEVAUTH_TOKEN_TIME_TO_LIVE", "20s");
        builder.environment().put("APP_DEVAUTH_BFF_REDIRECT_URIS",
                appUrls.stream().map(url -> url + "/login/oauth2/code/social").collect(Collectors.joining(",")));
        builder.environment().put("APP_DEVAUTH_BFF_POST_LOGOUT_REDIRECT_URIS",
                appUrls.stream().map(url -> url + "/").collect(Collectors.joining(",")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build();
        await("post-devauth ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("post-devauth stopped: see target/post-devauth.log");
            }
            try {
                return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return new IdentityProvider(process, issuer);
    }

    /** Built by the reactor before this module (the parent POM lists post-devauth first). */
    private static Path jar() {
        Path target = Path.of("..", "post-devauth", "target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("post-devauth-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no post-devauth jar in " + target.toAbsolutePath()
                            + ": build it first (./mvnw -B -DskipTests package -pl post-devauth)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target.toAbsolutePath() + ": build post-devauth first", e);
        }
    }
}
