package org.socialmedia.post.common.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A decoder that reports a failed discovery of its issuer as a failed key fetch is reported. The
 * decoder Spring Boot builds from {@code issuer-uri} alone reads the issuer's discovery document
 * with the first token (so that the service starts while the issuer is down) and, when that fails,
 * throws a {@link JwtDecoderInitializationException}, which is no {@link JwtException}: Spring
 * Security would let it escape the filter chain as a 500. As a {@link JwtException} it becomes the
 * {@code AuthenticationServiceException} that {@link ProblemAnswers#failedAuthentication()} answers
 * with a 503, like an unreachable key set. The next token tries the discovery again.
 */
final class IssuerDiscoveryFailures implements JwtDecoder {

    private final JwtDecoder decoder;

    IssuerDiscoveryFailures(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Jwt decode(String token) {
        try {
            return decoder.decode(token);
        } catch (JwtDecoderInitializationException e) {
            throw new JwtException("The issuer's discovery document could not be fetched", e);
        }
    }
}
