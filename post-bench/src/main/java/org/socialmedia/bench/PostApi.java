package org.socialmedia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both services' HTTP APIs, as a frontend calls them. */
final class PostApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String commandUrl;
    private final String queryUrl;

    PostApi(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** One answer: status, body, and how long it took. */
    record Answer(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        long version() {
            return json().get("version").asLong();
        }
    }

    Answer createPost(String author, String message) {
        return send(commandUrl + "/api/v1/posts", "POST", json("author", author, "message", message));
    }

    Answer like(UUID post, String username) {
        return send(commandUrl + "/api/v1/posts/" + post + "/likes", "POST", json("username", username));
    }

    Answer comment(UUID post, String username, String comment) {
        return send(commandUrl + "/api/v1/posts/" + post + "/comments", "POST", json("username", username, "comment", comment));
    }

    Answer editMessage(UUID post, String username, String message) {
        return send(commandUrl + "/api/v1/posts/" + post + "/message", "PUT", json("username", username, "message", message));
    }

    Answer replay() {
        return send(commandUrl + "/api/v1/admin/replay", "POST", null);
    }

    Answer post(UUID post, long minVersion) {
        return send(queryUrl + "/api/v1/posts/" + post + (minVersion > 0 ? "?minVersion=" + minVersion : ""), "GET", null);
    }

    Answer page(int page, int size) {
        return send(queryUrl + "/api/v1/posts?page=" + page + "&size=" + size, "GET", null);
    }

    Answer get(String absoluteUrl) {
        return send(absoluteUrl, "GET", null);
    }

    static UUID idOf(Answer created) {
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String json(String... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }

    private Answer send(String url, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", System.nanoTime() - start);
        }
    }
}
