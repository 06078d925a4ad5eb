package org.socialmedia.post.cmd.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command API as a client sees it: plain HTTP requests and JSON answers. */
final class CommandApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    CommandApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        long version() {
            return body.get("version").asLong();
        }

        UUID id() {
            return UUID.fromString(body.get("id").asString());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    UUID createPost(String author, String message) {
        Answer answer = send("POST", "/api/v1/posts", "{\"author\":\"" + author + "\",\"message\":\"" + message + "\"}", null);
        if (answer.status() != 201) {
            throw new AssertionError("could not create a post: " + answer.status() + " " + answer.raw().body());
        }
        return answer.id();
    }

    Answer like(UUID post, String username) {
        return send("POST", "/api/v1/posts/" + post + "/likes", "{\"username\":\"" + username + "\"}", null);
    }

    Answer send(String method, String path, String jsonBody, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return exchange(request);
    }

    /** Sends the body without a Content-Length, chunked, as a client that streams it does. */
    Answer sendChunked(String method, String path, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
