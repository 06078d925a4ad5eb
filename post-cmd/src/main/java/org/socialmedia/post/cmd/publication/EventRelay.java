package org.socialmedia.post.cmd.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * Publishes stored events so that each post's events reach the topic in version order, at least
 * once, whichever instance stored them, without waiting for the broker between batches.
 *
 * <p>The rule: version v of a post is sent only once version v-1 is known to be published, or is
 * sent just before it in the same run by the same producer (one partition, idempotent producer,
 * so the broker keeps that order). While a run of a post is in flight (sent, not yet acknowledged)
 * nothing more of that post is sent: its newer events wait and go together as the next run once
 * the broker has answered. Only the acknowledged prefix of a run counts as published; what follows
 * a failed send is treated as unpublished, and the catch-up scan sends it again after it. Later
 * runs are never sent behind an unacknowledged one, because the idempotent producer does not
 * promise to drop them when an earlier batch of the partition fails: a batch that expires or is
 * refused ends the producer epoch, and batches still waiting are then written under the next one.
 * Other posts' runs go on meanwhile, so the broker's round trip costs a post latency only when it
 * is busy, and a busy post's events travel in large runs.
 *
 * <p>An event is marked published only after the broker acknowledged it and everything before it.
 * Two instances may both send an event (after a crash, or while both catch up); that is a
 * duplicate the consumers skip by version, never a reordering of first deliveries.
 *
 * <p>At most {@code maxInFlight} events are unacknowledged at once, so a slow broker holds back
 * publication instead of filling the heap. The producer completes acknowledgements on its own
 * thread; they are queued for the publication thread, which handles them in
 * {@link #collectAcknowledged()}. The sender must complete every future it returns (Kafka's does
 * within the producer's delivery timeout), or its post stays in flight.
 *
 * <p>Not thread-safe: one publication thread per instance owns it.
 */
class EventRelay {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int REMEMBERED_POSTS = 100_000;

    private final Outbox outbox;
    private final EventSender sender;
    private final int maxInFlight;
    private final PublicationMetrics metrics;
    private final PublicationWakeUp wakeUp;
    private final Map<UUID, Long> lastPublishedVersion = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_POSTS;
        }
    };
    private final Map<UUID, PostRun> runsInFlight = new HashMap<>();
    private final Queue<PostRun> answeredRuns = new ConcurrentLinkedQueue<>();
    private int eventsInFlight;

    EventRelay(Outbox outbox, EventSender sender, int maxInFlight, PublicationMetrics metrics, PublicationWakeUp wakeUp) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one event must be allowed in flight");
        }
        this.outbox = outbox;
        this.sender = sender;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        this.wakeUp = wakeUp;
    }

    /**
     * What a relay round did at once: its acknowledgements come later, through
     * {@link #collectAcknowledged()}.
     *
     * @param sent                  events handed to the producer
     * @param waitingForPredecessor events held back: an earlier version is not known to be
     *                              published yet, or is still in flight, or no place was free
     * @param sendFailed            a send failed at once, so the rest of the batch was not tried
     */
    record Outcome(int sent, List<RecordedEvent> waitingForPredecessor, boolean sendFailed) {
    }

    /**
     * What the broker answered since the last look.
     *
     * @param sendFailed a send was not acknowledged: it and what its post sent after it are left
     *                   unpublished, for the catch-up scan
     */
    record Acknowledged(int published, boolean sendFailed) {
        static final Acknowledged NONE = new Acknowledged(0, false);

        Acknowledged and(Acknowledged other) {
            return new Acknowledged(published + other.published, sendFailed || other.sendFailed);
        }
    }

    Outcome relay(List<RecordedEvent> batch) {
        List<RecordedEvent> waiting = new ArrayList<>();
        List<RecordedEvent> unflagged = new ArrayList<>();
        int sent = 0;
        boolean failed = false;
        for (List<RecordedEvent> postEvents : groupByPost(batch)) {
            List<RecordedEvent> unsent = withoutPublished(postEvents, unflagged);
            if (unsent.isEmpty()) {
                continue;
            }
            if (failed || runsInFlight.containsKey(unsent.get(0).aggregateId()) || !predecessorPublished(unsent.get(0))) {
                waiting.addAll(unsent);
                continue;
            }
            // Another instance may have stored the versions in between; those come first.
            int length = Math.min(contiguousPrefix(unsent), maxInFlight - eventsInFlight);
            if (length <= 0) {
                waiting.addAll(unsent);
                continue;
            }
            waiting.addAll(unsent.subList(length, unsent.size()));
            PostRun run = new PostRun(unsent.subList(0, length));
            failed = !run.send();
            sent += run.size();
        }
        if (!unflagged.isEmpty()) {
            outbox.markPublished(unflagged);
        }
        return new Outcome(sent, waiting, failed);
    }

    /** Takes in the broker's answers that have come since the last call, without waiting. */
    Acknowledged collectAcknowledged() {
        List<RecordedEvent> acknowledged = new ArrayList<>();
        boolean failed = false;
        PostRun run;
        while ((run = answeredRuns.poll()) != null) {
            List<RecordedEvent> prefix = run.acknowledgedPrefix();
            acknowledged.addAll(prefix);
            failed |= prefix.size() < run.size();
            runsInFlight.remove(run.post());
            eventsInFlight -= run.size();
        }
        if (acknowledged.isEmpty() && !failed) {
            return Acknowledged.NONE;
        }
        // This instance's memory first: if the flags cannot be written, a scan finds these events
        // again and only flags them.
        for (RecordedEvent event : acknowledged) {
            lastPublishedVersion.merge(event.aggregateId(), event.version(), Math::max);
        }
        metrics.inFlight(eventsInFlight);
        metrics.published(acknowledged.size());
        if (failed) {
            metrics.sendFailed();
        }
        outbox.markPublished(acknowledged);
        return new Acknowledged(acknowledged.size(), failed);
    }

    /** Waits until every event sent so far is answered, at most the given time, and takes the answers in. */
    Acknowledged awaitAcknowledged(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Acknowledged answered = collectAcknowledged();
        while (eventsInFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("{} events still unacknowledged by the broker after {}", eventsInFlight, atMost);
                break;
            }
            wakeUp.await(Duration.ofNanos(left));
            answered = answered.and(collectAcknowledged());
        }
        return answered;
    }

    int eventsInFlight() {
        return eventsInFlight;
    }

    private List<List<RecordedEvent>> groupByPost(List<RecordedEvent> batch) {
        Map<UUID, List<RecordedEvent>> byPost = new LinkedHashMap<>();
        for (RecordedEvent event : batch) {
            byPost.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
        }
        List<List<RecordedEvent>> groups = new ArrayList<>(byPost.size());
        for (List<RecordedEvent> events : byPost.values()) {
            events.sort(Comparator.comparingLong(RecordedEvent::version));
            groups.add(events);
        }
        return groups;
    }

    /**
     * @param unflagged gets the events this relay knows are published although the store shows
     *                  them unpublished: their flags were lost (the store did not answer when they
     *                  were written), so they are flagged again, or every scan would find them
     */
    private List<RecordedEvent> withoutPublished(List<RecordedEvent> postEvents, List<RecordedEvent> unflagged) {
        long known = lastPublishedVersion.getOrDefault(postEvents.get(0).aggregateId(), 0L);
        List<RecordedEvent> unsent = new ArrayList<>(postEvents.size());
        long previous = 0;
        for (RecordedEvent event : postEvents) {
            if (event.version() != previous) {
                (event.version() > known ? unsent : unflagged).add(event);
            }
            previous = event.version();
        }
        return unsent;
    }

    private static int contiguousPrefix(List<RecordedEvent> events) {
        int length = 1;
        while (length < events.size() && events.get(length).version() == events.get(length - 1).version() + 1) {
            length++;
        }
        return length;
    }

    private boolean predecessorPublished(RecordedEvent first) {
        long predecessor = first.version() - 1;
        if (predecessor == 0 || lastPublishedVersion.getOrDefault(first.aggregateId(), 0L) >= predecessor) {
            return true;
        }
        if (outbox.isPublished(first.aggregateId(), predecessor)) {
            lastPublishedVersion.merge(first.aggregateId(), predecessor, Math::max);
            return true;
        }
        return false;
    }

    /** One post's consecutive events, sent in order, in flight until the broker answered them all. */
    private final class PostRun {
        private final List<RecordedEvent> events;
        private final List<CompletableFuture<?>> acks = new ArrayList<>();

        PostRun(List<RecordedEvent> events) {
            this.events = events;
        }

        /** @return false if a send failed at once, so sending more now would be pointless */
        boolean send() {
            boolean failedAtOnce = false;
            for (RecordedEvent event : events) {
                CompletableFuture<?> ack = sender.send(event);
                acks.add(ack);
                if (ack.isCompletedExceptionally()) {
                    failedAtOnce = true;
                    break;
                }
            }
            runsInFlight.put(post(), this);
            eventsInFlight += size();
            metrics.inFlight(eventsInFlight);
            // Runs on the producer's I/O thread (or here, if every answer is in already): hand over only.
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
                answeredRuns.add(this);
                wakeUp.ring();
            });
            return !failedAtOnce;
        }

        UUID post() {
            return events.get(0).aggregateId();
        }

        /** The events sent: after a send that failed at once, the rest were not. */
        int size() {
            return acks.size();
        }

        /** Called once every answer is in, so nothing here waits. */
        List<RecordedEvent> acknowledgedPrefix() {
            List<RecordedEvent> prefix = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                CompletableFuture<?> ack = acks.get(i);
                if (ack.isCompletedExceptionally()) {
                    log.debug("event not acknowledged by the broker: {}", ack.handle((value, error) -> error).join().toString());
                    break;
                }
                prefix.add(events.get(i));
            }
            return prefix;
        }
    }
}
