package org.socialmedia.testsupport.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain HTTP/1.1 to one service, as any client sends it: the one way the tests and the benchmark
 * talk to the services. {@link CommandApi} and {@link LookupApi} name the routes; requests that
 * no typed route can express (a malformed body, a wrong method, a streamed body) go through here.
 *
 * <p>A request that gets no answer at all (connection refused, time-out) throws
 * {@link UncheckedIOException} naming the request.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String APPLICATION_JSON = "application/json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** HTTP/1.1 as a browser speaks to the services; one pool of connections for every caller. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * How a request with a body of known length (or none) travels. The tests use the JDK's client;
     * a load that shares its machine with the services may bring one that costs the machine less.
     */
    @FunctionalInterface
    public interface Transport {

        /**
         * @param body        the body, or null for none
         * @param contentType its type, or null
         * @throws IOException when no answer came
         */
        Answer exchange(String method, URI uri, String contentType, byte[] body, Map<String, String> headers, String described)
                throws IOException;
    }

    private final String baseUrl;
    private final Map<String, String> always;
    private final Transport transport;

    /** @param baseUrl the service's root, for example {@code http://localhost:8081} */
    public Http(String baseUrl) {
        this(baseUrl, Http::exchangeWithJdkClient);
    }

    /** Requests with a body of known length travel by this transport; chunked ones by the JDK's client. */
    public Http(String baseUrl, Transport transport) {
        this(baseUrl, Map.of(), transport);
    }

    private Http(String baseUrl, Map<String, String> always, Transport transport) {
        this.baseUrl = baseUrl;
        this.always = always;
        this.transport = transport;
    }

    /** The same service, every request sent with {@code Authorization: Bearer token}. */
    public Http bearer(String token) {
        return new Http(baseUrl, withBearer(always, token), transport);
    }

    public Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    /** A JSON body, or none when {@code json} is null. */
    public Answer send(String method, String path, String json) {
        return send(method, path, json, Map.of());
    }

    public Answer send(String method, String path, String json, Map<String, String> headers) {
        return send(method, path, json == null ? null : APPLICATION_JSON,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any body of any declared type; {@code contentType} and {@code body} may be null. */
    public Answer send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(always);
        all.putAll(headers);
        String described = method + " " + baseUrl + path + (body == null ? "" : " (" + body.length + " bytes of " + contentType + ")");
        try {
            return transport.exchange(method, URI.create(baseUrl + path), contentType, body, all, described);
        } catch (IOException e) {
            throw new UncheckedIOException(described + " got no answer", e);
        }
    }

    /** The JSON body without a Content-Length, chunked, as a client that streams it sends it (by the JDK's client). */
    public Answer sendChunked(String method, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String described = method + " " + baseUrl + path + " (" + body.length + " bytes, chunked)";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", APPLICATION_JSON)
                .method(method, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        always.forEach(request::header);
        try {
            return sendWithJdkClient(request, described);
        } catch (IOException e) {
            throw new UncheckedIOException(described + " got no answer", e);
        }
    }

    /** These headers and {@code Authorization: Bearer token}. */
    public static Map<String, String> withBearer(Map<String, String> headers, String token) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return all;
    }

    /** A JSON object of string fields, properly escaped. */
    public static String object(String... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(node);
    }

    private static Answer exchangeWithJdkClient(String method, URI uri, String contentType, byte[] body, Map<String, String> headers,
                                                String described) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        return sendWithJdkClient(request, described);
    }

    private static Answer sendWithJdkClient(HttpRequest.Builder request, String described) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(described, response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " was interrupted", e);
        }
    }
}
