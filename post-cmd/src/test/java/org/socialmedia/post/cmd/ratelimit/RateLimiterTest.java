package org.socialmedia.post.cmd.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.TimeMeter;

class RateLimiterTest {

    private static final Limit THREE_THEN_ONE_A_SECOND = new Limit(3, 1, Duration.ofSeconds(1));
    private static final Limit TWO_THEN_ONE_A_MINUTE = new Limit(2, 1, Duration.ofMinutes(1));

    /** One clock for the buckets and the map, moved by the test; the map's upkeep runs on the calling thread. */
    private final ManualClock clock = new ManualClock();

    private RateLimiter limiter(int trackedClients) {
        return new RateLimiter(THREE_THEN_ONE_A_SECOND, TWO_THEN_ONE_A_MINUTE, trackedClients, clock, clock, Runnable::run);
    }

    private static void admits(RateLimiter limiter, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.admitUser(user).admitted()).as("command %d of %s", i + 1, user).isTrue();
        }
    }

    @Nested
    class PerUser {

        @Test
        void aUserMaySendTheCapacityAtOnceAndNoMore() {
            RateLimiter limiter = limiter(100);

            admits(limiter, "alice", 3);

            Admission refused = limiter.admitUser("alice");
            assertThat(refused.admitted()).isFalse();
            assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        }

        @Test
        void theBucketRefillsAtTheRefillRate() {
            RateLimiter limiter = limiter(100);
            admits(limiter, "alice", 3);

            clock.advance(Duration.ofMillis(999));
            assertThat(limiter.admitUser("alice").admitted()).as("just before a command's worth is back").isFalse();
            clock.advance(Duration.ofMillis(1));
            assertThat(limiter.admitUser("alice").admitted()).as("a command's worth back after a second").isTrue();
            assertThat(limiter.admitUser("alice").admitted()).as("but only one").isFalse();

            clock.advance(Duration.ofSeconds(10));
            admits(limiter, "alice", 3);
            assertThat(limiter.admitUser("alice").admitted()).as("never more than the capacity, however long the pause").isFalse();
        }

        @Test
        void usersHaveBucketsOfTheirOwn() {
            RateLimiter limiter = limiter(100);
            admits(limiter, "alice", 3);

            assertThat(limiter.admitUser("alice").admitted()).isFalse();
            admits(limiter, "bob", 3);
        }
    }

    @Nested
    class PerAddress {

        @Test
        void anAddressHasItsOwnLimitApartFromTheUsers() {
            RateLimiter limiter = limiter(100);

            assertThat(limiter.admitAddress("192.0.2.1").admitted()).isTrue();
            assertThat(limiter.admitAddress("192.0.2.1").admitted()).isTrue();
            Admission refused = limiter.admitAddress("192.0.2.1");

            assertThat(refused.admitted()).isFalse();
            assertThat(refused.retryAfterSeconds()).as("a minute for one request's worth").isEqualTo(60);
            assertThat(limiter.admitAddress("192.0.2.2").admitted()).as("another address").isTrue();
            assertThat(limiter.admitUser("192.0.2.1").admitted()).as("a user who happens to bear the address's name").isTrue();
        }

        @Test
        void theWaitShrinksAsTheBucketRefills() {
            RateLimiter limiter = limiter(100);
            limiter.admitAddress("192.0.2.1");
            limiter.admitAddress("192.0.2.1");

            clock.advance(Duration.ofSeconds(59).plusMillis(1));

            assertThat(limiter.admitAddress("192.0.2.1").retryAfterSeconds()).isEqualTo(1);
        }
    }

    @Nested
    class Memory {

        @Test
        void sprayingUserNamesOrAddressesKeepsNoMoreBucketsThanTheBound() {
            RateLimiter limiter = limiter(50);

            IntStream.range(0, 1_000).forEach(i -> {
                limiter.admitUser("user-" + i);
                limiter.admitAddress("10.0." + i / 256 + "." + i % 256);
            });

            assertThat(limiter.trackedUsers()).isLessThanOrEqualTo(50);
            assertThat(limiter.trackedAddresses()).isLessThanOrEqualTo(50);
        }

        @Test
        void aBucketIsForgottenOnlyOnceItWouldBeFullAgain() {
            RateLimiter limiter = limiter(100);
            admits(limiter, "alice", 3);

            clock.advance(THREE_THEN_ONE_A_SECOND.timeToFill().minusMillis(2));
            assertThat(limiter.trackedUsers()).as("still refilling").isEqualTo(1);

            clock.advance(Duration.ofMillis(2));
            assertThat(limiter.trackedUsers()).as("full again, as good as a new one").isZero();
            admits(limiter, "alice", 3);
            assertThat(limiter.admitUser("alice").admitted()).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "0, 1",
            "1, 1",
            "999999999, 1",
            "1000000000, 1",
            "1000000001, 2",
            "59000000001, 60",
            "9223372036854775807, 9223372037"})
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero(long nanos, long seconds) {
        assertThat(Admission.retryAfterSeconds(nanos)).isEqualTo(seconds);
    }

    @Test
    void limitsThatBucket4jRefusesFailAtStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RateLimiter(new Limit(3, 1, Duration.ZERO), TWO_THEN_ONE_A_MINUTE, 100));
    }

    @Test
    void aLimitDescribesItselfForAPerson() {
        assertThat(new Limit(60, 10, Duration.ofSeconds(1)).describe()).isEqualTo("60 at once, then 10 every 1 s");
        assertThat(new Limit(5, 1, Duration.ofMillis(250)).describe()).isEqualTo("5 at once, then 1 every 250 ms");
    }

    /** Time as the test sets it, for the buckets (Bucket4j) and for the map's expiry (Caffeine). */
    private static final class ManualClock implements TimeMeter, Ticker {

        private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public long read() {
            return nanos.get();
        }
    }
}
