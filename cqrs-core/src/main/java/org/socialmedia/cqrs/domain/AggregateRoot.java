package org.socialmedia.cqrs.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Base of an event-sourced aggregate.
 *
 * <p>Verb methods of a subclass check a rule and then {@link #raise(DomainEvent) raise} an event;
 * {@link #when(DomainEvent)} is the only method that changes state. The same {@code when} runs
 * when a decision is made and when the aggregate is rebuilt from its history, so a rebuilt
 * aggregate is always in the state its events describe.
 *
 * <p>Versions count events: the first event is version 1 and every event adds exactly one.
 *
 * @param <E> the aggregate's own event type, usually a sealed interface
 */
public abstract class AggregateRoot<E extends DomainEvent> {

    private final List<E> uncommittedEvents = new ArrayList<>();
    private long version;
    private @Nullable List<E> dryRunEvents;

    /** The aggregate's identity, known once its first event has been applied. */
    public abstract UUID id();

    /** Applies one event to the state. Must not check rules, throw for valid events, or raise events. */
    protected abstract void when(E event);

    /** Records a decision: the event is applied at once and kept until it is stored. */
    protected final void raise(E event) {
        if (dryRunEvents != null) {
            dryRunEvents.add(event);
            return;
        }
        when(event);
        version++;
        uncommittedEvents.add(event);
    }

    /**
     * Runs a decision without keeping it: the rules are checked as usual (a refusal is thrown),
     * and what the decision would raise is returned instead of applied, so the state and version
     * stay as they were. The decision sees the state before it throughout, which is right for
     * verbs that raise at most one event, as their last step.
     *
     * <p>This is how a caller asks "would this succeed?" on the state others are still deciding
     * on, for instance to answer a stale precondition only for a request that would otherwise
     * succeed.
     */
    public final List<E> dryRun(Runnable decision) {
        List<E> wouldRaise = new ArrayList<>();
        dryRunEvents = wouldRaise;
        try {
            decision.run();
        } finally {
            dryRunEvents = null;
        }
        return List.copyOf(wouldRaise);
    }

    /** Rebuilds state from stored history, oldest first. */
    public final void replay(Iterable<? extends E> history) {
        for (E event : history) {
            when(event);
            version++;
        }
    }

    /**
     * Continues from a snapshot: the state was restored by the subclass, and {@code snapshotVersion}
     * is the version of the last event it covers.
     */
    protected final void restoredAt(long snapshotVersion) {
        if (version != 0 || !uncommittedEvents.isEmpty()) {
            throw new IllegalStateException("a snapshot can only be restored into a new aggregate");
        }
        version = snapshotVersion;
    }

    /** Version including events raised but not yet stored. */
    public final long version() {
        return version;
    }

    /** Version of the last stored event: the expected version when the new events are appended. */
    public final long committedVersion() {
        return version - uncommittedEvents.size();
    }

    public final List<E> uncommittedEvents() {
        return Collections.unmodifiableList(uncommittedEvents);
    }

    /** Called once the uncommitted events are safely stored. */
    public final void markCommitted() {
        uncommittedEvents.clear();
    }
}
