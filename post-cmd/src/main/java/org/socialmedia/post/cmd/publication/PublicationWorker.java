package org.socialmedia.post.cmd.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.command.StoredEventsListener;
import org.springframework.context.SmartLifecycle;

/**
 * The one thread per instance that publishes events, by two paths.
 *
 * <p>Fast path: events this instance just stored are queued and published at once, so that in
 * the normal case an event is on the topic milliseconds after the command answered.
 *
 * <p>Catch-up: the outbox is scanned for events still unpublished after a grace period. Scans are
 * frequent while this instance knows something was left behind (the broker failed, the queue
 * overflowed, a predecessor stored by another instance took too long), and otherwise rare: at
 * start-up and every sweep interval, for what a crashed instance left. This path is what makes
 * "stored" imply "eventually published"; keeping it off the normal path keeps its reads off the
 * store while commands are being appended.
 *
 * <p>The queue is bounded: when the broker is down for long, events that do not fit stay in the
 * store for the catch-up path instead of filling the heap.
 */
class PublicationWorker implements StoredEventsListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationWorker.class);
    private static final Duration PREDECESSOR_RETRY = Duration.ofMillis(10);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final EventRelay relay;
    private final DeferredPublishedMarks marks;
    private final PublicationProperties settings;
    private final Clock clock;
    private final BlockingQueue<RecordedEvent> justStored;
    private final List<RecordedEvent> waitingForPredecessor = new ArrayList<>();
    private volatile boolean leftSomethingBehind = true;
    private volatile boolean running;
    private @Nullable Thread thread;

    PublicationWorker(EventRelay relay, DeferredPublishedMarks marks, PublicationProperties settings, Clock clock) {
        this.relay = relay;
        this.marks = marks;
        this.settings = settings;
        this.clock = clock;
        this.justStored = new LinkedBlockingQueue<>(settings.queueCapacity());
    }

    @Override
    public void stored(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            if (!justStored.offer(event)) {
                // The catch-up scan will find it, and whatever follows it, in the store.
                leftSomethingBehind = true;
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-publication");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(settings.ackTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Instant lastScan = Instant.MIN;
        while (running) {
            try {
                publishJustStored();
                Instant now = clock.instant();
                Duration interval = leftSomethingBehind ? settings.catchUpInterval() : settings.sweepInterval();
                if (lastScan.plus(interval).isBefore(now)) {
                    leftSomethingBehind = !catchUp();
                    lastScan = clock.instant();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store or the broker failed; everything unpublished is still in the store.
                log.warn("event publication failed, will retry: {}", e.toString());
                waitingForPredecessor.clear();
                leftSomethingBehind = true;
                sleepQuietly(settings.catchUpInterval());
            }
        }
    }

    private void publishJustStored() throws InterruptedException {
        Duration wait = waitingForPredecessor.isEmpty() ? IDLE_POLL : PREDECESSOR_RETRY;
        List<RecordedEvent> batch = new ArrayList<>(waitingForPredecessor);
        waitingForPredecessor.clear();
        RecordedEvent first = justStored.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            justStored.drainTo(batch, settings.batchSize());
        }
        if (batch.isEmpty()) {
            return;
        }
        EventRelay.Outcome outcome = relay.relay(batch);
        if (outcome.sendFailed()) {
            leftSomethingBehind = true;
            return;
        }
        Instant giveUpBefore = clock.instant().minus(settings.gracePeriod());
        for (RecordedEvent waiting : outcome.waitingForPredecessor()) {
            if (waiting.occurredAt().isAfter(giveUpBefore)) {
                waitingForPredecessor.add(waiting);
            } else {
                leftSomethingBehind = true;
            }
        }
    }

    /**
     * Publishes the backlog in rounds until a round finds less than a full batch or fails.
     *
     * @return true if the scan found nothing left to publish
     */
    private boolean catchUp() throws InterruptedException {
        while (running) {
            // The flags of the round before must be in the store, or this scan finds it again.
            marks.awaitWritten(settings.ackTimeout());
            List<RecordedEvent> pending = marks.outbox().unpublishedBefore(clock.instant().minus(settings.gracePeriod()), settings.batchSize());
            if (pending.isEmpty()) {
                return true;
            }
            EventRelay.Outcome outcome = relay.relay(pending);
            if (outcome.sendFailed() || outcome.published() == 0 || pending.size() < settings.batchSize()) {
                return false;
            }
        }
        return false;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
