package org.socialmedia.post.common.security;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A decoder that checks each distinct token once and remembers the result until the token expires.
 * A client sends the same token with every request until it expires, and checking its RS256
 * signature is the largest single cost of a command on a busy server: about 40 % of post-cmd's
 * processor time under a load of cheap commands. The key of an entry is the whole token, signature
 * included, so only the very bytes that were checked are accepted again; a token that was refused
 * is not remembered and is checked again each time.
 * <p>
 * An entry lives until the token's {@code exp} and never longer than
 * {@link VerifiedTokenProperties#maxAge()}: a key the issuer withdraws stops being trusted as late as
 * the decoder's own cache of the issuer's key set (five minutes) lets it. The cache holds at most
 * {@link VerifiedTokenProperties#maxSize()} tokens, the least useful ones evicted first, so a flood of
 * distinct valid tokens costs their checks again and no more memory.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, VerifiedTokenProperties settings) {
        this(decoder, settings, Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder decoder, VerifiedTokenProperties settings, Ticker ticker) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(new UntilExpiry(settings.maxAge()))
                .ticker(ticker)
                .build();
    }

    /** The decoder itself when nothing is to be remembered, otherwise one that remembers. */
    static JwtDecoder around(JwtDecoder decoder, VerifiedTokenProperties settings) {
        return settings.maxSize() > 0 ? new VerifiedTokens(decoder, settings) : decoder;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            verified.put(token, jwt);
        }
        return jwt;
    }

    /**
     * Until the token expires by its {@code exp}, at most the maximum age. The token's remaining life
     * is read from the wall clock once, when the entry is made; the cache's ticker counts it down.
     */
    private record UntilExpiry(Duration maxAge) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            @Nullable Instant expiresAt = jwt.getExpiresAt();
            Duration left = expiresAt == null ? maxAge : Duration.between(Instant.now(), expiresAt);
            return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
