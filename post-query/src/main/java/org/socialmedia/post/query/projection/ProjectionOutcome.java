package org.socialmedia.post.query.projection;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.socialmedia.post.common.event.PostEventType;

/**
 * What a committed projection transaction did, for the metrics.
 *
 * @param applied         applied events per type (parked events applied once their gap closed included)
 * @param duplicates      events that were already applied
 * @param parked          events parked because their predecessor is missing
 * @param advancedPosts   the posts whose read model moved to a newer version, with that version
 */
public record ProjectionOutcome(Map<PostEventType, Integer> applied, int duplicates, int parked,
                                Map<UUID, Long> advancedPosts) {

    public ProjectionOutcome {
        applied = Map.copyOf(applied);
        advancedPosts = Map.copyOf(advancedPosts);
    }

    public int appliedCount() {
        return applied.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts while a transaction runs; becomes an outcome only once it is committed. */
    static final class Tally {

        private final Map<PostEventType, Integer> applied = new EnumMap<>(PostEventType.class);
        private int duplicates;
        private int parked;
        private final Map<UUID, Long> advancedPosts = new HashMap<>();

        void applied(UUID postId, long version, PostEventType type) {
            applied.merge(type, 1, Integer::sum);
            advancedPosts.merge(postId, version, Math::max);
        }

        void duplicate() {
            duplicates++;
        }

        void parked() {
            parked++;
        }

        ProjectionOutcome outcome() {
            return new ProjectionOutcome(applied, duplicates, parked, advancedPosts);
        }
    }
}
