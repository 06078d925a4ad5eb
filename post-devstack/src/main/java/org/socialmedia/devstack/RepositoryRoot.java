package org.socialmedia.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository from a folder inside it, so that the stack runs from the root (the
 * {@code ./devstack} script), from a module (tests under Maven) or from any subfolder.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("post-cmd/pom.xml")) && Files.isRegularFile(dir.resolve("post-query/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository (a folder with post-cmd/ and post-query/) at or above " + absolute
                + ": start the devstack from inside the repository");
    }
}
