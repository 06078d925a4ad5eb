package org.socialmedia.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The executable jars of the services and of the identity provider, as Maven builds them: {@code <module>/target/<module>-<version>.jar}.
 * The version is this module's own, so a stack never starts jars of another build.
 */
final class ServiceJars {

    private final Path repositoryRoot;
    private final String version;

    ServiceJars(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
        this.version = projectVersion();
    }

    /** The jar of {@code module}; a missing jar fails with the command that builds it. */
    Path jar(String module) {
        Path jar = repositoryRoot.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(repositoryRoot.relativize(jar) + " is missing: build the services first with"
                    + " ./mvnw -B -DskipTests package (the ./devstack script does it for you)");
        }
        return jar;
    }

    private static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = ServiceJars.class.getResourceAsStream("devstack.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack.properties is not on the class path: build post-devstack with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read devstack.properties", e);
        }
        return properties.getProperty("version");
    }
}
