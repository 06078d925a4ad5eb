package org.socialmedia.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.audit.EventStoreReader;

/**
 * Wipes the read database and replays the event store into it, timing until the read model holds
 * every post at its latest version.
 */
final class Rebuild {

    record Outcome(long events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private static final int REPLAY_ATTEMPTS = 3;

    private final CommandApi commands;
    private final EventStoreReader store;
    private final BenchOptions.Target target;

    Rebuild(CommandApi commands, EventStoreReader store, BenchOptions.Target target) {
        this.commands = commands;
        this.store = store;
        this.target = target;
    }

    Outcome run() throws SQLException, InterruptedException {
        Map<String, Long> latest = new HashMap<>();
        store.forEach(event -> latest.merge(event.postId(), event.version(), Math::max));
        // Versions are gapless from 1, so the sum of latest versions is also the number of events.
        long events = latest.values().stream().mapToLong(Long::longValue).sum();
        try (Connection db = DriverManager.getConnection(target.jdbcUrl(), target.jdbcUser(), target.jdbcPassword())) {
            try (Statement wipe = db.createStatement()) {
                wipe.execute("truncate table post_comment, parked_event, post");
            }
            long start = System.nanoTime();
            replay();
            while (!complete(db, latest.size(), events)) {
                Thread.sleep(20);
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("the read model was not rebuilt within 10 minutes");
                }
            }
            return new Outcome(events, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Starts the replay. A 503 (the store did not answer in time, so nothing was replayed) is
     * tried again, as its answer says; the time of the failed attempts counts in the figure.
     */
    private void replay() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Answer replay = commands.replay();
            if (replay.status() == 202) {
                return;
            }
            if (replay.status() != 503 || attempt == REPLAY_ATTEMPTS) {
                throw new IllegalStateException("replay refused: " + replay);
            }
            BenchmarkMain.log("  replay answered 503, trying again: %s", replay.body());
            Thread.sleep(1_000);
        }
    }

    private static boolean complete(Connection db, int posts, long versionSum) throws SQLException {
        try (Statement query = db.createStatement();
             ResultSet result = query.executeQuery("select count(*), coalesce(sum(version), 0) from post")) {
            result.next();
            return result.getLong(1) == posts && result.getLong(2) == versionSum;
        }
    }
}
