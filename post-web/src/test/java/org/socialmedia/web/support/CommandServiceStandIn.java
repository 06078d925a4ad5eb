package org.socialmedia.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server where post-cmd would be: it keeps every request it gets and answers what the
 * test told it to, after the delay the test told it to.
 */
public final class CommandServiceStandIn implements AutoCloseable {

    public record Received(String method, String pathAndQuery, Headers headers, String body) {
    }

    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, Map.of("Content-Type", "application/json"), "{}");
    private volatile Duration delay = Duration.ZERO;

    public CommandServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // A thread per request: a slow answer must not hold up the next test's request.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void answer(Answer next) {
        this.answer = next;
    }

    public void delay(Duration next) {
        this.delay = next;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), exchange.getRequestHeaders(),
                new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Answer current = answer;
        current.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = current.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
