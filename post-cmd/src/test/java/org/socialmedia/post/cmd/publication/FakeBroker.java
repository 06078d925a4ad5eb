package org.socialmedia.post.cmd.publication;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * A broker whose acknowledgements the test gives, in any order it likes, or at once. It records
 * what was sent and, separately, what reached the topic (acknowledged sends, in the order they
 * were acknowledged).
 */
final class FakeBroker implements EventSender {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> topic = new CopyOnWriteArrayList<>();
    /** Sends of a version while an earlier one of its post was unanswered, other than right behind it. */
    final List<String> sentAheadOfAnUnansweredVersion = new CopyOnWriteArrayList<>();
    private volatile String previousSend = "";
    private final Map<String, CompletableFuture<Object>> unanswered = new ConcurrentHashMap<>();
    private final AtomicInteger mostUnanswered = new AtomicInteger();
    volatile boolean acknowledgeAtOnce;
    volatile long refusedVersion = -1;

    static String key(UUID post, long version) {
        return post + "@" + version;
    }

    @Override
    public CompletableFuture<?> send(RecordedEvent event) {
        String key = key(event.aggregateId(), event.version());
        if (event.version() == refusedVersion) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
        }
        boolean rightBehindItsPredecessor = previousSend.equals(key(event.aggregateId(), event.version() - 1));
        boolean earlierUnanswered = unanswered.keySet().stream().anyMatch(other -> other.startsWith(event.aggregateId().toString())
                && Long.parseLong(other.substring(other.indexOf('@') + 1)) < event.version());
        if (earlierUnanswered && !rightBehindItsPredecessor) {
            sentAheadOfAnUnansweredVersion.add(key);
        }
        previousSend = key;
        sent.add(key);
        if (acknowledgeAtOnce) {
            topic.add(key);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Object> ack = new CompletableFuture<>();
        if (unanswered.putIfAbsent(key, ack) != null) {
            throw new AssertionError(key + " sent again while its first send was unanswered");
        }
        mostUnanswered.accumulateAndGet(unanswered.size(), Math::max);
        return ack;
    }

    void acknowledge(UUID post, long version) {
        String key = key(post, version);
        topic.add(key);
        answer(key).complete(null);
    }

    void expire(UUID post, long version) {
        answer(key(post, version)).completeExceptionally(new TimeoutException("expired in the producer's buffer"));
    }

    void acknowledgeEverything() {
        unanswered.keySet().forEach(key -> {
            topic.add(key);
            answer(key).complete(null);
        });
    }

    boolean unanswered(UUID post, long version) {
        return unanswered.containsKey(key(post, version));
    }

    int mostUnansweredAtOnce() {
        return mostUnanswered.get();
    }

    List<String> sentOf(UUID post) {
        return sent.stream().filter(key -> key.startsWith(post.toString())).toList();
    }

    /** The versions of a post in the order they first reached the topic. */
    List<Long> firstDeliveriesOf(UUID post) {
        return topic.stream().filter(key -> key.startsWith(post.toString())).distinct()
                .map(key -> Long.parseLong(key.substring(key.indexOf('@') + 1))).toList();
    }

    private CompletableFuture<Object> answer(String key) {
        CompletableFuture<Object> ack = unanswered.remove(key);
        if (ack == null) {
            throw new AssertionError(key + " was not sent, or was answered already");
        }
        return ack;
    }
}
