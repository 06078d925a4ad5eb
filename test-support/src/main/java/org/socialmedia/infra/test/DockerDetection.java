package org.socialmedia.infra.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;

/**
 * Decides whether the integration tests get Testcontainers or the embedded servers.
 *
 * <p>Why a pre-check before asking Testcontainers: {@code DockerClientFactory.isDockerAvailable()}
 * tries every strategy it knows, which takes a while and logs errors when there is no engine at
 * all, as on the build machines (which have a {@code docker} client binary but no engine). So we
 * only ask Testcontainers when there is a sign of an engine: {@code DOCKER_HOST}, a Testcontainers
 * configuration naming a host or strategy, or a known engine socket. Windows has no sockets to
 * look for (named pipe), so there we always ask.
 *
 * <p>The system property {@code infra} chooses: the embedded servers by default (or
 * {@code -Dinfra=embedded}), containers with {@code -Dinfra=docker} (or {@code testcontainers}),
 * and {@code -Dinfra=auto} asks the machine as above. The embedded servers are the default because
 * an engine that answers is not yet one that can run the tests: without a registry Testcontainers
 * cannot pull its reaper, and an engine that comes up in the middle of a build would switch the
 * tests that start after it.
 */
final class DockerDetection {

    static final String MODE_PROPERTY = "infra";

    private DockerDetection() {
    }

    static boolean useDocker() {
        String mode = System.getProperty(MODE_PROPERTY, "embedded").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded":
            case "":
                return false;
            case "docker":
            case "testcontainers":
                return true;
            case "auto":
                return engineMayExist() && testcontainersSeesDocker();
            default:
                throw new IllegalArgumentException("-D" + MODE_PROPERTY + " must be embedded, docker or auto, not " + mode);
        }
    }

    private static boolean testcontainersSeesDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean engineMayExist() {
        if (notBlank(System.getenv("DOCKER_HOST")) || notBlank(System.getenv("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY"))) {
            return true;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (testcontainersConfigured(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        Stream<Path> sockets = Stream.of(
                Path.of("/var/run/docker.sock"),
                Path.of("/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".colima/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".orbstack/run/docker.sock"),
                notBlank(runtimeDir) ? Path.of(runtimeDir, "docker.sock") : null,
                notBlank(runtimeDir) ? Path.of(runtimeDir, "podman/podman.sock") : null);
        return sockets.filter(Objects::nonNull).anyMatch(Files::exists);
    }

    private static boolean testcontainersConfigured(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            return false;
        }
        return List.of("docker.host", "docker.client.strategy").stream().anyMatch(k -> notBlank(props.getProperty(k)));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
