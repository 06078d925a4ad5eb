package org.socialmedia.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one folder that holds all state of a stack: {@code mongo/} (the event store),
 * {@code kafka/} (the topic log and consumer offsets), {@code postgres/} (the read database) and
 * {@code logs/}.
 *
 * <p>A marker file records that the devstack created the folder. Wiping ({@code --fresh}) is
 * refused for a folder without it, so that a mistyped {@code --data-dir} cannot delete a folder
 * of the user's.
 */
final class DataDirectory {

    private static final String MARKER = ".devstack-data";

    private DataDirectory() {
    }

    static void prepare(Path dir, boolean fresh) {
        try {
            if (fresh && Files.exists(dir)) {
                wipe(dir);
            }
            Files.createDirectories(dir.resolve("logs"));
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of the post devstack. Delete this folder (or start with --fresh) to start from empty.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dir, e);
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
            throw new IllegalStateException("--fresh refuses to wipe " + dir + ": it was not created by the devstack (no "
                    + MARKER + " file in it); choose another --data-dir or delete it yourself");
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
