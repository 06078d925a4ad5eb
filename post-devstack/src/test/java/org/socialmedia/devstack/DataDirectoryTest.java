package org.socialmedia.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void dataIsKeptUnlessFresh() throws IOException {
        Path dir = temp.resolve("stack");
        DataDirectory.prepare(dir, false);
        Files.writeString(dir.resolve("kept.txt"), "events");

        DataDirectory.prepare(dir, false);
        assertThat(dir.resolve("kept.txt")).exists();

        DataDirectory.prepare(dir, true);
        assertThat(dir.resolve("kept.txt")).doesNotExist();
        assertThat(dir.resolve("logs")).isDirectory();
    }

    @Test
    void freshRefusesToWipeAFolderTheDevstackDidNotCreate() throws IOException {
        Path foreign = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(foreign.resolve("thesis.txt"), "precious");

        assertThatIllegalStateException().isThrownBy(() -> DataDirectory.prepare(foreign, true))
                .withMessageContaining("refuses to wipe");
        assertThat(foreign.resolve("thesis.txt")).exists();
    }
}
