package org.socialmedia.post.cmd.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * Publishes stored events so that each post's events reach the topic in version order, at least
 * once, whichever instance stored them.
 *
 * <p>The rule: version v of a post is sent only once version v-1 is known to be published, or is
 * sent just before it in the same batch by the same producer (one partition, idempotent producer,
 * so the broker keeps that order). An event is marked published only after the broker acknowledged
 * it and everything before it. Two instances may both send an event (after a crash, or while both
 * catch up); that is a duplicate the consumers skip by version, never a reordering of first
 * deliveries.
 *
 * <p>Not thread-safe: one publication thread per instance owns it.
 */
class EventRelay {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int REMEMBERED_POSTS = 100_000;

    private final Outbox outbox;
    private final EventSender sender;
    private final Duration ackTimeout;
    private final PublicationMetrics metrics;
    private final Map<UUID, Long> lastPublishedVersion = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_POSTS;
        }
    };

    EventRelay(Outbox outbox, EventSender sender, Duration ackTimeout, PublicationMetrics metrics) {
        this.outbox = outbox;
        this.sender = sender;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    /** What a relay round left undone. */
    record Outcome(int published, List<RecordedEvent> waitingForPredecessor, boolean sendFailed) {
    }

    Outcome relay(List<RecordedEvent> batch) {
        List<RecordedEvent> waiting = new ArrayList<>();
        List<RecordedEvent> unflagged = new ArrayList<>();
        List<PostRun> runs = new ArrayList<>();
        boolean failed = false;
        for (List<RecordedEvent> postEvents : groupByPost(batch)) {
            List<RecordedEvent> unsent = withoutPublished(postEvents, unflagged);
            if (unsent.isEmpty()) {
                continue;
            }
            if (failed || !predecessorPublished(unsent.get(0))) {
                waiting.addAll(unsent);
                continue;
            }
            // Another instance may have stored the versions in between; those come first.
            int contiguous = contiguousPrefix(unsent);
            waiting.addAll(unsent.subList(contiguous, unsent.size()));
            PostRun run = new PostRun(unsent.subList(0, contiguous));
            failed = !run.send();
            runs.add(run);
        }
        List<RecordedEvent> acknowledged = new ArrayList<>();
        for (PostRun run : runs) {
            List<RecordedEvent> prefix = run.acknowledgedPrefix();
            acknowledged.addAll(prefix);
            failed |= prefix.size() < run.events.size();
        }
        List<RecordedEvent> toFlag = new ArrayList<>(unflagged);
        toFlag.addAll(acknowledged);
        outbox.markPublished(toFlag);
        for (RecordedEvent event : acknowledged) {
            lastPublishedVersion.merge(event.aggregateId(), event.version(), Math::max);
        }
        metrics.published(acknowledged.size());
        if (failed) {
            metrics.sendFailed();
        }
        return new Outcome(acknowledged.size(), waiting, failed);
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

    /** One post's consecutive events, sent in order. */
    private final class PostRun {
        private final List<RecordedEvent> events;
        private final List<CompletableFuture<?>> acks = new ArrayList<>();

        PostRun(List<RecordedEvent> events) {
            this.events = events;
        }

        /** @return false if a send failed at once, so sending more now would be pointless */
        boolean send() {
            for (RecordedEvent event : events) {
                CompletableFuture<?> ack = sender.send(event);
                acks.add(ack);
                if (ack.isCompletedExceptionally()) {
                    return false;
                }
            }
            return true;
        }

        List<RecordedEvent> acknowledgedPrefix() {
            List<RecordedEvent> prefix = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                if (!acknowledged(acks.get(i))) {
                    break;
                }
                prefix.add(events.get(i));
            }
            return prefix;
        }

        private boolean acknowledged(CompletableFuture<?> ack) {
            try {
                ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                log.debug("event not acknowledged by the broker: {}", e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
