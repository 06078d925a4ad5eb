package org.socialmedia.devauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Access tokens issued without the browser flow. They carry the same claims, key and issuer as
 * those of the authorization code flow, so a service cannot tell them apart and needs no
 * development-only switch of its own.
 */
final class DevTokens {

    private final JwtEncoder encoder;
    private final String audience;
    private final Duration timeToLive;
    private final Clock clock;

    DevTokens(JwtEncoder encoder, String audience, Duration timeToLive, Clock clock) {
        this.encoder = encoder;
        this.audience = audience;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    String issue(String issuer, String username, Set<String> scopes) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(username)
                .audience(List.of(audience))
                .claim("preferred_username", username)
                .claim("scope", scopes)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(timeToLive))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
