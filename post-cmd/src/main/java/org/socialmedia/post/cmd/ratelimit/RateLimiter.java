package org.socialmedia.post.cmd.ratelimit;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * A token bucket per user and one per client address, each kept in a map bounded in size and
 * forgetting a bucket once it has been idle long enough to be full again. Users and addresses have
 * maps of their own, so that spraying addresses, which costs a client nothing but a 401 each, never
 * pushes out a user's emptied bucket.
 */
final class RateLimiter {

    private final ClientBuckets users;
    private final ClientBuckets addresses;

    RateLimiter(Limit perUser, Limit perAddress, int trackedClients) {
        this(perUser, perAddress, trackedClients, TimeMeter.SYSTEM_MILLISECONDS, Ticker.systemTicker(), null);
    }

    /** With the clocks and the cache's maintenance executor of a test; a null executor is Caffeine's default. */
    RateLimiter(Limit perUser, Limit perAddress, int trackedClients, TimeMeter clock, Ticker ticker, @Nullable Executor maintenance) {
        this.users = new ClientBuckets(perUser, trackedClients, clock, ticker, maintenance);
        this.addresses = new ClientBuckets(perAddress, trackedClients, clock, ticker, maintenance);
    }

    Admission admitUser(String user) {
        return users.admit(user);
    }

    Admission admitAddress(String address) {
        return addresses.admit(address);
    }

    Limit perUser() {
        return users.limit;
    }

    Limit perAddress() {
        return addresses.limit;
    }

    long trackedUsers() {
        return users.tracked();
    }

    long trackedAddresses() {
        return addresses.tracked();
    }

    private static final class ClientBuckets {

        private final Limit limit;
        private final TimeMeter clock;
        private final Cache<String, Bucket> buckets;

        ClientBuckets(Limit limit, int tracked, TimeMeter clock, Ticker ticker, @Nullable Executor maintenance) {
            this.limit = limit;
            this.clock = clock;
            // Fails at start-up, with Bucket4j's reason, on figures it does not take.
            limit.newBucket(clock);
            Caffeine<Object, Object> builder = Caffeine.newBuilder()
                    .maximumSize(tracked)
                    .expireAfterAccess(limit.timeToFill())
                    .ticker(ticker);
            if (maintenance != null) {
                builder.executor(maintenance);
            }
            this.buckets = builder.build();
        }

        Admission admit(String client) {
            return Admission.of(buckets.get(client, key -> limit.newBucket(clock)).tryConsumeAndReturnRemaining(1));
        }

        long tracked() {
            buckets.cleanUp();
            return buckets.estimatedSize();
        }
    }
}
