package org.socialmedia.post.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A server-sent events client as a browser's {@code EventSource} reads a stream: over real HTTP,
 * line by line, on a thread of its own, collecting the events (and the raw lines) as they come.
 */
public final class SseClient implements AutoCloseable {

    /** One event: its {@code id} (null if none), its name ({@code message} if none) and its data. */
    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects; the answer's status and headers are known when this returns. */
    public static SseClient connect(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    private void read() {
        String id = null;
        String name = "message";
        List<String> data = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            Iterator<String> iterator = body.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                lines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, String.join("\n", data)));
                    }
                    id = null;
                    name = "message";
                    data.clear();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data.add(value(line));
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream, or the server ended it.
        }
        ended = true;
    }

    /** Whether the stream has ended, by the server or by {@link #close()}. */
    public boolean ended() {
        return ended;
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /** Disconnects, as a browser tab that is closed. */
    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
