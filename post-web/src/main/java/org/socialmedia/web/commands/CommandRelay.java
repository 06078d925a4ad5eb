package org.socialmedia.web.commands;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * Sends one command to post-cmd as the user (their bearer token) and hands back its answer as it
 * is: status, body and the headers the app reads. Nothing else passes either way: no cookie of
 * this app reaches post-cmd, no header of post-cmd's but these reaches the browser.
 */
final class CommandRelay {

    /** From the browser to post-cmd. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, HttpHeaders.ACCEPT);
    /** From post-cmd to the browser. */
    static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER);

    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** post-cmd could not be reached, or did not answer in time. */
    static final class Unreachable extends Exception {
        Unreachable(Throwable cause) {
            super(cause);
        }
    }

    private final HttpClient http;
    private final URI commandService;
    private final CommandRelayProperties properties;

    CommandRelay(HttpClient http, CommandRelayProperties properties) {
        this.http = http;
        this.properties = properties;
        String base = properties.commandUrl();
        this.commandService = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String accessToken)
            throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandService + pathAndQuery))
                .timeout(properties.commandTimeout())
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders answerHeaders = new HttpHeaders();
            for (String name : ANSWER_HEADERS) {
                response.headers().firstValue(name).ifPresent(value -> answerHeaders.set(name, value));
            }
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (IOException e) {
            // Refused, reset, timed out (HttpTimeoutException is an IOException): post-cmd is not there for now.
            throw new Unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(e);
        }
    }
}
