package org.socialmedia.post.cmd.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

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
 * the normal case an event is on the topic milliseconds after the command answered. The thread
 * does not wait for the broker between batches: it sends the next batch while earlier ones are
 * being acknowledged, and takes the acknowledgements in as they come (see {@link EventRelay} for
 * why per-post order still holds), with at most {@code max-in-flight} events unanswered.
 *
 * <p>Catch-up: the outbox is scanned for events still unpublished after a grace period. Scans are
 * frequent while this instance knows something was left behind (the broker failed, the queue
 * overflowed, a predecessor stored by another instance took too long), and otherwise rare: at
 * start-up and every sweep interval, for what a crashed instance left. This path is what makes
 * "stored" imply "eventually published"; keeping it off the normal path keeps its reads off the
 * store while commands are being appended. A scan round waits for its acknowledgements, so that
 * the next round does not find the same events again.
 *
 * <p>The queue is bounded: when the broker is down for long, events that do not fit stay in the
 * store for the catch-up path instead of filling the heap.
 */
class PublicationWorker implements StoredEventsListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationWorker.class);
    private static final Duration PREDECESSOR_RETRY = Duration.ofMillis(10);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    /** A stopping thread may be inside a send that blocks for the producer's max.block.ms first. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(5);

    private final EventRelay relay;
    private final DeferredPublishedMarks marks;
    private final PublicationProperties settings;
    private final PublicationWakeUp wakeUp;
    private final Clock clock;
    private final BlockingQueue<RecordedEvent> justStored;
    private final List<RecordedEvent> waitingForPredecessor = new ArrayList<>();
    /**
     * When this instance last left something unpublished for the scan (null: nothing since the last
     * scan that covered it). A scan only sees events older than the grace period, so it settles
     * only what was left behind before its cut-off; anything later keeps the scans frequent.
     */
    private final AtomicReference<@Nullable Instant> leftBehindAt = new AtomicReference<>(Instant.MIN);
    private volatile boolean running;
    private @Nullable Thread thread;

    PublicationWorker(EventRelay relay, DeferredPublishedMarks marks, PublicationProperties settings,
                      PublicationWakeUp wakeUp, Clock clock) {
        this.relay = relay;
        this.marks = marks;
        this.settings = settings;
        this.wakeUp = wakeUp;
        this.clock = clock;
        this.justStored = new LinkedBlockingQueue<>(settings.queueCapacity());
    }

    @Override
    public void stored(List<RecordedEvent> events) {
        try {
            for (RecordedEvent event : events) {
                if (!justStored.offer(event)) {
                    // The catch-up scan will find it, and whatever follows it, in the store.
                    leaveBehind();
                    return;
                }
            }
        } finally {
            wakeUp.ring();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-publication");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the thread, which waits up to the ack timeout for what is still in flight. */
    @Override
    public void stop() {
        running = false;
        wakeUp.ring();
        if (thread != null) {
            try {
                thread.join(settings.ackTimeout().plus(STOP_MARGIN).toMillis());
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
                Duration interval = leftBehindAt.get() != null ? settings.catchUpInterval() : settings.sweepInterval();
                if (running && lastScan.plus(interval).isBefore(now)) {
                    catchUp();
                    lastScan = clock.instant();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store or the broker failed; everything unpublished is still in the store.
                log.warn("event publication failed, will retry: {}", e.toString());
                waitingForPredecessor.clear();
                leaveBehind();
                sleepQuietly(settings.catchUpInterval());
            }
        }
        flagWhatIsAcknowledgedBeforeStopping();
    }

    private void publishJustStored() throws InterruptedException {
        take(relay.collectAcknowledged());
        List<RecordedEvent> batch = new ArrayList<>(waitingForPredecessor);
        waitingForPredecessor.clear();
        // Held-back events count against the bound as well: they are in this thread's hands.
        int room = Math.min(settings.batchSize(), settings.maxInFlight() - relay.eventsInFlight() - batch.size());
        if (room > 0) {
            justStored.drainTo(batch, room);
        }
        int sent = 0;
        if (!batch.isEmpty()) {
            EventRelay.Outcome outcome = relay.relay(batch);
            sent = outcome.sent();
            if (outcome.sendFailed()) {
                leaveBehind();
            } else {
                keepWaiting(outcome.waitingForPredecessor());
            }
        }
        if (sent == 0) {
            // Woken early by an acknowledgement (which may free a held post) or a stored event.
            wakeUp.await(waitingForPredecessor.isEmpty() ? IDLE_POLL : PREDECESSOR_RETRY);
        }
    }

    /** A failed send leaves its post's later events to the scan, which sends them after it, in order. */
    private void take(EventRelay.Acknowledged acknowledged) {
        if (acknowledged.sendFailed()) {
            waitingForPredecessor.clear();
            leaveBehind();
        }
    }

    private void keepWaiting(List<RecordedEvent> waiting) {
        Instant giveUpBefore = clock.instant().minus(settings.gracePeriod());
        for (RecordedEvent event : waiting) {
            if (event.occurredAt().isAfter(giveUpBefore)) {
                waitingForPredecessor.add(event);
            } else {
                leaveBehind();
            }
        }
    }

    private void leaveBehind() {
        leftBehindAt.set(clock.instant());
    }

    /**
     * Publishes the backlog in rounds until a round finds less than a full batch or fails. A scan
     * that found nothing settles what was left behind before its cut-off; otherwise the scans stay
     * frequent.
     */
    private void catchUp() throws InterruptedException {
        @Nullable Instant seen = leftBehindAt.get();
        // The fast path's runs still in flight are not waited for: the relay holds back a post
        // with events in flight, so the scan cannot send them again or overtake them.
        EventRelay.Acknowledged answered = relay.collectAcknowledged();
        take(answered);
        boolean failed = answered.sendFailed();
        while (running) {
            // The flags of the round before must be in the store, or this scan finds it again.
            marks.awaitWritten(settings.ackTimeout());
            Instant cutOff = clock.instant().minus(settings.gracePeriod());
            List<RecordedEvent> pending = marks.outbox().unpublishedBefore(cutOff, settings.batchSize());
            if (pending.isEmpty()) {
                if (!failed && seen != null && seen.isBefore(cutOff)) {
                    leftBehindAt.compareAndSet(seen, null);
                }
                return;
            }
            EventRelay.Outcome outcome = relay.relay(pending);
            // The next round must not find this one's events again.
            failed |= awaitAcknowledged();
            if (failed || outcome.sendFailed() || outcome.sent() == 0 || pending.size() < settings.batchSize()) {
                // What this round could not settle was stored before its cut-off.
                leftBehindAt.accumulateAndGet(cutOff, (current, cut) -> current == null || current.isBefore(cut) ? cut : current);
                return;
            }
        }
    }

    /** @return true if a send failed */
    private boolean awaitAcknowledged() throws InterruptedException {
        EventRelay.Acknowledged acknowledged = relay.awaitAcknowledged(settings.ackTimeout());
        take(acknowledged);
        return acknowledged.sendFailed() || relay.eventsInFlight() > 0;
    }

    private void flagWhatIsAcknowledgedBeforeStopping() {
        try {
            relay.awaitAcknowledged(settings.ackTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not take in the last acknowledgements, a later scan will: {}", e.toString());
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
