package org.socialmedia.post.cmd.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

/**
 * Republishes the whole event store, each post's events in version order, batch by batch, so
 * that a read model can be rebuilt from scratch. Consumers skip what they have already applied,
 * so replaying into a live read model changes nothing.
 */
public class ReplayService {

    private static final int BATCH_SIZE = 1000;

    private final EventStore store;
    private final EventSender sender;
    private final PublicationProperties settings;

    public ReplayService(EventStore store, EventSender sender, PublicationProperties settings) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
    }

    /**
     * Sends each batch as soon as it is read and waits for the broker's acknowledgement of the
     * batch before it meanwhile, so reading the store and waiting for the broker overlap while
     * at most two batches are unacknowledged. The producer keeps the order of its sends per
     * partition, so a post's events still arrive in version order.
     *
     * @return how many events were republished
     * @throws ReplayFailedException if the broker did not acknowledge every event
     */
    public long replayAll() {
        AtomicReference<CompletableFuture<Void>> unacknowledged = new AtomicReference<>(CompletableFuture.completedFuture(null));
        long events = store.readAll(BATCH_SIZE, batch -> awaitAcknowledged(unacknowledged.getAndSet(send(batch))));
        awaitAcknowledged(unacknowledged.get());
        return events;
    }

    private CompletableFuture<Void> send(List<RecordedEvent> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (RecordedEvent event : batch) {
            acks.add(sender.send(event));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private void awaitAcknowledged(CompletableFuture<Void> acks) {
        try {
            acks.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplayFailedException("the broker did not acknowledge the replayed events", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted while replaying", e);
        }
    }
}
