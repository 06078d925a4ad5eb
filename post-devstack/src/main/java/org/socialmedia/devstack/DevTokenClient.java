package org.socialmedia.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Bearer tokens from a running stack's identity provider, the way a user gets them: a known user
 * with their password ({@code POST /dev/token} with HTTP Basic), or any user name through the
 * stack's mint ({@code POST /dev/mint}). The {@code token} and {@code mint} commands of the
 * devstack, the end-to-end tests, the fault suite and the benchmark all use this one client.
 */
public final class DevTokenClient {

    /** The users of the devstack's identity provider; each one's password is their name. */
    public static final List<String> KNOWN_USERS = List.of("alice", "bob", "carol", "dave", "admin");
    /** The known user whose tokens carry the scope of the administration routes. */
    public static final String ADMIN = "admin";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String issuerUrl;

    public DevTokenClient(String issuerUrl) {
        this.issuerUrl = issuerUrl;
    }

    /** A known user's token, with the password the devstack gives every known user: their name. */
    public String token(String user) {
        return token(user, user);
    }

    public String token(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = post("/dev/token", "Basic " + basic);
        if (answer.statusCode() == 401) {
            throw new TokenRefusedException("The identity provider at " + issuerUrl + " knows no user " + user
                    + " with that password. Its users are " + String.join(", ", KNOWN_USERS)
                    + ", each with their name as password; for any other name: ./devstack mint " + user);
        }
        return tokenOf(answer);
    }

    /** A token for any user name (letters, digits, {@code . _ -}, up to 64), never with the admin scope. */
    public String mint(String username) {
        HttpResponse<String> answer = post("/dev/mint?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        if (answer.statusCode() == 404) {
            throw new TokenRefusedException("The identity provider at " + issuerUrl + " does not mint tokens for any name:"
                    + " only the devstack turns that on.");
        }
        if (answer.statusCode() == 400) {
            throw new TokenRefusedException("No token for " + username + ": a name is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        return tokenOf(answer);
    }

    private String tokenOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new TokenRefusedException("The identity provider at " + issuerUrl + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body().trim();
    }

    private HttpResponse<String> post(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuerUrl + path)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnreachableException("No identity provider answers at " + issuerUrl + "."
                    + " Is the devstack running? Start it with ./devstack; if it runs with --auth-port, give the same"
                    + " --auth-port (or DEVSTACK_AUTH_PORT) here.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + issuerUrl + " for a token", e);
        }
    }

    /** The provider answered, and refused: an unknown user, a wrong password, a name it cannot take. */
    public static final class TokenRefusedException extends RuntimeException {

        TokenRefusedException(String message) {
            super(message);
        }
    }

    /** Nothing answers at the provider's address: no devstack running there. */
    public static final class ProviderUnreachableException extends RuntimeException {

        ProviderUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
