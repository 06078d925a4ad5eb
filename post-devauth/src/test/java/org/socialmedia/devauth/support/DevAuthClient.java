package org.socialmedia.devauth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP against the running identity provider, the way curl or a service would call it. */
public final class DevAuthClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public DevAuthClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public String url(String path) {
        return base + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> postAs(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> preflight(String path, String origin) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
