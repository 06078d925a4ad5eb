package org.socialmedia.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service ({@code post-cmd}, {@code post-query} or the identity provider {@code post-devauth})
 * running from its executable jar in a child JVM, configured only through its environment, as any
 * deployment would configure it. Its output goes to a log file, so that the console stays readable.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final String name;
    private final int port;
    private final String readinessPath;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(String name, int port, String readinessPath, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.readinessPath = readinessPath;
        this.logFile = logFile;
        this.process = process;
    }

    /** @param readinessPath what answers 200 once the service is ready, on {@code port} */
    static ServiceProcess launch(String name, Path jar, int port, String readinessPath, Map<String, String> environment,
                                 List<String> jvmOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            return new ServiceProcess(name, port, readinessPath, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    /**
     * Waits until the readiness path answers 200 ({@code /readyz}, which both services only
     * answer so once their database is reachable). Fails at once if the process exits, with the
     * end of its log, which names the cause.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + readinessPath))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; the end of " + logFile + ":\n" + tailOfLog());
            }
            if (answers200(readiness)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; see " + logFile);
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * SIGTERM first, which Spring Boot answers with a graceful shutdown (requests in flight
     * finish, the Kafka consumer commits); only a service that does not stop in time is killed.
     */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** As a crash would end it: no graceful shutdown, no offsets committed, nothing flushed. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers200(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
