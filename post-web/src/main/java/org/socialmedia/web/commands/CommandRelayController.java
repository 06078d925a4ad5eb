package org.socialmedia.web.commands;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.socialmedia.web.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /cmd/api/v1/posts/**}: the app's commands, relayed to post-cmd as the logged-in user.
 * The browser never holds the access token; it sends its session cookie and the CSRF header, and
 * the security chain has checked both before this runs. Reads are not relayed: the app reads
 * from post-query directly.
 */
@RestController
class CommandRelayController {

    /** How soon the app may try again when post-cmd cannot be reached. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CommandRelay relay;
    private final UserAccessTokens tokens;
    private final CommandRelayProperties properties;

    CommandRelayController(CommandRelay relay, UserAccessTokens tokens, CommandRelayProperties properties) {
        this.relay = relay;
        this.tokens = tokens;
        this.properties = properties;
    }

    @RequestMapping(path = CommandPath.PREFIX + "/api/v1/posts/**",
            method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH})
    ResponseEntity<?> relay(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> target = CommandPath.of(rawPath, request.getQueryString());
        if (target.isEmpty()) {
            return Problems.entity(HttpStatus.NOT_FOUND, "There is no such command.");
        }
        byte[] body = readBody(request);
        if (body.length > properties.maxBodySize().toBytes()) {
            return Problems.entity(HttpStatus.CONTENT_TOO_LARGE, "The text is too long.");
        }
        Optional<String> token = tokens.of(login, request, response);
        if (token.isEmpty()) {
            return Problems.entity(HttpStatus.UNAUTHORIZED, "Your login has expired: log in again.");
        }
        try {
            CommandRelay.Answer answer = relay.send(request.getMethod(), target.get(), relayedHeaders(request), body,
                    token.get());
            return ResponseEntity.status(answer.status()).headers(answer.headers()).body(answer.body());
        } catch (CommandRelay.Unreachable e) {
            return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service that takes changes cannot be reached right now: try again in a few seconds.",
                    RETRY_AFTER);
        }
    }

    /** At most one byte more than allowed: enough to tell that it is too much. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) properties.maxBodySize().toBytes() + 1);
        }
    }

    private static Map<String, String> relayedHeaders(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CommandRelay.REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }
}
