package org.socialmedia.post.query.lookup;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Posts as last assembled with their comments, each valid for exactly the version it was
 * assembled at.
 *
 * <p>Why this is safe without any invalidation: the projector changes a post's row, its version
 * and its comments in one transaction, and a lookup reads the row and the comments from one
 * snapshot. So a version names one content of the post, and a lookup that finds the row at the
 * version remembered here may answer the remembered post instead of reading its comments again.
 * That holds on every instance and across rebuilds (a replay produces the same content for the
 * same version), so two post-query instances never need to tell each other anything.
 *
 * <p>The size is bounded by weight (one per post plus one per comment), so a few posts with
 * thousands of comments cannot push the heap over its limit.
 */
class AssembledPosts implements MeterBinder {

    private final Cache<UUID, PostDetails> byId;

    AssembledPosts(long capacity) {
        this.byId = Caffeine.newBuilder()
                .maximumWeight(capacity)
                .weigher((UUID id, PostDetails post) -> 1 + post.comments().size())
                .recordStats()
                .build();
    }

    /** The post as assembled at exactly this version, if it is remembered. */
    Optional<PostDetails> at(UUID id, long version) {
        PostDetails remembered = byId.getIfPresent(id);
        return remembered != null && remembered.version() == version ? Optional.of(remembered) : Optional.empty();
    }

    /** The post as last assembled, at whatever version that was. */
    Optional<PostDetails> latest(UUID id) {
        return Optional.ofNullable(byId.getIfPresent(id));
    }

    /** Remembers a post unless a later version of it is already remembered. */
    void remember(PostDetails post) {
        byId.asMap().merge(post.id(), post, (remembered, assembled) -> assembled.version() >= remembered.version() ? assembled : remembered);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, byId, "post_details");
    }
}
