package org.socialmedia.devstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP, the only way the fault tests talk to the services. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** An answer as it came: status, {@code Content-Type} (empty if none) and body text. */
    record Answer(String request, int status, String contentType, String body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        long version() {
            return json().get("version").asLong();
        }

        UUID id() {
            return UUID.fromString(json().get("id").asString());
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    static Answer json(String method, String url, String body) {
        return send(method, url, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Answer send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String described = method + " " + url + (body == null ? "" : " (" + body.length + " bytes of " + contentType + ")");
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(described, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(described + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object of string fields, properly escaped. */
    static String object(String... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(node);
    }
}
