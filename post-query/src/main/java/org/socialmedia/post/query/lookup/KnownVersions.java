package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.socialmedia.post.query.readmodel.AnnouncedChangeObserver;

/**
 * The visible version of recently looked-up posts, as long as no change to them has been heard
 * since: with {@link AssembledPosts} a lookup then answers from memory without asking PostgreSQL
 * anything. Without it every lookup waits for one statement, and while the projection applies a
 * backlog, PostgreSQL shares the cores with it: that wait was the lookups' tail.
 *
 * <p>Kept correct across instances by the projection's announcements, which every instance hears
 * for every committed change: each one forgets its post. A version read from the database is
 * remembered only if no change of its post was heard between just before the read and the
 * remembering ({@link #stamp}, {@link #remember}), so an answer read before a change never
 * outlives it. While nothing is heard (the listening connection is lost, not yet open, or the
 * instance stops) nothing is known: everything is forgotten and no version is remembered until
 * listening starts again. A connection that died silently is found by the listener's periodic
 * check; entries also expire after {@code ttl}, which bounds what such a connection could leave
 * stale to about the same time.
 */
class KnownVersions implements AnnouncedChangeObserver, MeterBinder {

    private static final int STRIPES = 64;

    private final Cache<UUID, Long> visible;
    /** Changes heard per stripe of post ids: a stamp taken before a read is still current if its stripe's count is. */
    private final AtomicLongArray heard = new AtomicLongArray(STRIPES);
    private final Object[] stripeLocks = new Object[STRIPES];
    /** Remembering holds the read side, so that starting or stopping to listen never interleaves with it. */
    private final ReadWriteLock listeningLock = new ReentrantReadWriteLock();
    /** Counts the times listening started; a stamp from an earlier period is no longer current. */
    private long period;
    private volatile boolean listening;

    KnownVersions(long capacity, Duration ttl) {
        this.visible = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(ttl).recordStats().build();
        for (int i = 0; i < STRIPES; i++) {
            stripeLocks[i] = new Object();
        }
    }

    /** A position in what was heard of this post, taken before its version is read; empty while not listening. */
    Optional<Stamp> stamp(UUID id) {
        listeningLock.readLock().lock();
        try {
            return listening ? Optional.of(new Stamp(id, period, heard.get(stripe(id)))) : Optional.empty();
        } finally {
            listeningLock.readLock().unlock();
        }
    }

    /** Remembers the version read after the stamp, unless a change of the post may have been heard since. */
    void remember(Stamp stamp, long version) {
        listeningLock.readLock().lock();
        try {
            if (!listening || stamp.period() != period) {
                return;
            }
            int stripe = stripe(stamp.id());
            synchronized (stripeLocks[stripe]) {
                if (heard.get(stripe) == stamp.heard()) {
                    visible.asMap().merge(stamp.id(), version, Math::max);
                }
            }
        } finally {
            listeningLock.readLock().unlock();
        }
    }

    /** The post's visible version if no change of it was heard since it was read. */
    Optional<Long> visible(UUID id) {
        return listening ? Optional.ofNullable(visible.getIfPresent(id)) : Optional.empty();
    }

    @Override
    public void listening() {
        listeningLock.writeLock().lock();
        try {
            visible.invalidateAll();
            period++;
            listening = true;
        } finally {
            listeningLock.writeLock().unlock();
        }
    }

    @Override
    public void changed(AnnouncedChange change) {
        int stripe = stripe(change.id());
        synchronized (stripeLocks[stripe]) {
            heard.incrementAndGet(stripe);
            visible.invalidate(change.id());
        }
    }

    @Override
    public void deaf() {
        listeningLock.writeLock().lock();
        try {
            listening = false;
            period++;
            visible.invalidateAll();
        } finally {
            listeningLock.writeLock().unlock();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, visible, "post_versions");
    }

    private static int stripe(UUID id) {
        return Math.floorMod(id.hashCode(), STRIPES);
    }

    /** Where {@link #stamp} found a post's stripe, for {@link #remember}. */
    record Stamp(UUID id, long period, long heard) {
    }
}
