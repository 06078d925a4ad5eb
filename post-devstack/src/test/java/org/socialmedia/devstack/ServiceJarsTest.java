package org.socialmedia.devstack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceJarsTest {

    @TempDir
    Path emptyRepository;

    @Test
    void aMissingJarIsNamedWithTheCommandThatBuildsIt() {
        assertThatIllegalStateException().isThrownBy(() -> new ServiceJars(emptyRepository).jar("post-query"))
                .withMessageStartingWith("post-query/target/post-query-")
                .withMessageContaining(".jar is missing")
                .withMessageContaining("./mvnw -B -DskipTests package");
    }
}
