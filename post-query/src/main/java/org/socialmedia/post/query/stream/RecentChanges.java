package org.socialmedia.post.query.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.socialmedia.post.query.readmodel.AnnouncedChange;

/**
 * The last changes this instance heard, in the order PostgreSQL delivered them: the order the
 * transactions committed, the same on every instance. That order, not the sequence numbers
 * (taken before commit, so two transactions may commit the other way round), decides what came
 * after a reconnecting client's last event. Not thread-safe: the fan-out guards it.
 */
final class RecentChanges {

    private final int capacity;
    private final ArrayDeque<AnnouncedChange> changes;

    RecentChanges(int capacity) {
        this.capacity = capacity;
        this.changes = new ArrayDeque<>(Math.max(capacity, 1));
    }

    void add(AnnouncedChange change) {
        if (capacity == 0) {
            return;
        }
        if (changes.size() == capacity) {
            changes.removeFirst();
        }
        changes.addLast(change);
    }

    /** The changes heard after the one with this sequence; empty if it is not remembered. */
    Optional<List<AnnouncedChange>> after(long sequence) {
        List<AnnouncedChange> later = new ArrayList<>();
        Iterator<AnnouncedChange> newestFirst = changes.descendingIterator();
        while (newestFirst.hasNext()) {
            AnnouncedChange change = newestFirst.next();
            if (change.sequence() == sequence) {
                Collections.reverse(later);
                return Optional.of(later);
            }
            later.add(change);
        }
        return Optional.empty();
    }

    /** After a gap in what was heard, nothing before it may be offered as complete. */
    void clear() {
        changes.clear();
    }
}
