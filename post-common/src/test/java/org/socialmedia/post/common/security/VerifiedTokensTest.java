package org.socialmedia.post.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.github.benmanes.caffeine.cache.Ticker;

class VerifiedTokensTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final CountingDecoder checks = new CountingDecoder();

    @Test
    void checksEachDistinctTokenOnce() {
        JwtDecoder decoder = new VerifiedTokens(checks, new VerifiedTokenProperties(100, Duration.ofMinutes(5)), ticker);
        checks.expiresIn(Duration.ofMinutes(10));

        Jwt first = decoder.decode("alice");
        assertThat(decoder.decode("alice")).isSameAs(first);
        decoder.decode("bob");

        assertThat(checks.decoded).containsExactly("alice", "bob");
    }

    @Test
    void checksATokenAgainOnceItHasExpired() {
        JwtDecoder decoder = new VerifiedTokens(checks, new VerifiedTokenProperties(100, Duration.ofMinutes(5)), ticker);
        checks.expiresIn(Duration.ofSeconds(30));
        decoder.decode("alice");

        advance(Duration.ofSeconds(29));
        decoder.decode("alice");
        advance(Duration.ofSeconds(2));
        decoder.decode("alice");

        assertThat(checks.decoded).containsExactly("alice", "alice");
    }

    @Test
    void remembersNoTokenLongerThanTheMaximumAge() {
        JwtDecoder decoder = new VerifiedTokens(checks, new VerifiedTokenProperties(100, Duration.ofMinutes(5)), ticker);
        checks.expiresIn(Duration.ofHours(10));
        decoder.decode("alice");

        advance(Duration.ofMinutes(5).plusSeconds(1));
        decoder.decode("alice");

        assertThat(checks.decoded).containsExactly("alice", "alice");
    }

    @Test
    void remembersNoRefusal() {
        JwtDecoder decoder = new VerifiedTokens(checks, new VerifiedTokenProperties(100, Duration.ofMinutes(5)), ticker);
        checks.refuse();

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checks.decoded).containsExactly("forged", "forged");
    }

    @Test
    void remembersNothingWhenTheSizeIsZero() {
        JwtDecoder decoder = VerifiedTokens.around(checks, new VerifiedTokenProperties(0, Duration.ofMinutes(5)));

        assertThat(decoder).isSameAs(checks);
    }

    private void advance(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    /** The signature check, counted: answers every token with a JWT that expires when told. */
    private static final class CountingDecoder implements JwtDecoder {

        final List<String> decoded = new ArrayList<>();
        private Duration lifetime = Duration.ofMinutes(1);
        private boolean refusing;

        void expiresIn(Duration lifetime) {
            this.lifetime = lifetime;
        }

        void refuse() {
            refusing = true;
        }

        @Override
        public Jwt decode(String token) {
            decoded.add(token);
            if (refusing) {
                throw new BadJwtException("signature does not match");
            }
            Instant now = Instant.now();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(now).expiresAt(now.plus(lifetime)).build();
        }
    }
}
