package org.socialmedia.post.query.stream;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.socialmedia.post.query.readmodel.AnnouncedChangeObserver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears the projection's announcements, from every instance, on one daemon thread and hands them
 * to the fan-out, which only queues them: nothing here waits for a client. When the connection is
 * lost it listens again with a growing pause, and once it listens again every subscriber is told
 * to refetch, since changes may have been committed meanwhile. Starts with the application, but
 * does not need the database to: it keeps trying, as the projection does. The observers hear
 * the same changes, on this thread, and when listening starts and ends.
 */
final class ChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    /** How long one wait for notifications lasts: how soon a stop is noticed. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private final JdbcConnectionDetails database;
    private final JsonMapper json;
    private final ChangeFanOut fanOut;
    private final List<AnnouncedChangeObserver> observers;
    private final Duration checkInterval;
    private final Duration maxPause;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread thread = new Thread(() -> { });

    ChangeListener(JdbcConnectionDetails database, JsonMapper json, ChangeFanOut fanOut,
                   List<AnnouncedChangeObserver> observers, Duration checkInterval, Duration maxPause) {
        this.database = database;
        this.json = json;
        this.fanOut = fanOut;
        this.observers = List.copyOf(observers);
        this.checkInterval = checkInterval;
        this.maxPause = maxPause;
    }

    @Override
    public void start() {
        stopped = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::run, "post-stream-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the streams too, so that open ones do not hold up the web server's graceful shutdown. */
    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        try {
            thread.join(POLL.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        observers.forEach(AnnouncedChangeObserver::deaf);
        fanOut.closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether changes reach this instance's subscribers now. */
    boolean isListening() {
        return listening;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean missedSome = false;
        while (running) {
            try (ListenConnection connection = ListenConnection.open(database, checkInterval)) {
                listening = true;
                observers.forEach(AnnouncedChangeObserver::listening);
                if (missedSome) {
                    log.info("listening for post changes again; live stream clients are told to refetch");
                    fanOut.gapInChanges();
                }
                pause = FIRST_PAUSE;
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("cannot listen for post changes ({}); trying again in {} ms", e.getMessage(), pause.toMillis());
                }
            }
            listening = false;
            observers.forEach(AnnouncedChangeObserver::deaf);
            missedSome = true;
            pauseFor(pause);
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        }
    }

    private void relay(ListenConnection connection) throws SQLException {
        long lastHeard = System.nanoTime();
        while (running) {
            var payloads = connection.await(POLL);
            if (!payloads.isEmpty()) {
                lastHeard = System.nanoTime();
                payloads.forEach(this::publish);
            } else if (System.nanoTime() - lastHeard > checkInterval.toNanos()) {
                connection.check();
                lastHeard = System.nanoTime();
            }
        }
    }

    private void publish(String payload) {
        AnnouncedChange change;
        try {
            change = json.readValue(payload, AnnouncedChange.class);
        } catch (JacksonException e) {
            log.warn("ignored an announcement that is no post change: {}", payload);
            // Whatever it named is unknown, so what the observers remember may be stale: they start over.
            observers.forEach(AnnouncedChangeObserver::deaf);
            observers.forEach(AnnouncedChangeObserver::listening);
            return;
        }
        observers.forEach(observer -> observer.changed(change));
        fanOut.publish(change);
    }

    private void pauseFor(Duration pause) {
        try {
            stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
