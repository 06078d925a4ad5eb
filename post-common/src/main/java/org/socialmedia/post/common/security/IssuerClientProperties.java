package org.socialmedia.post.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the service waits for the identity provider when it fetches the provider's discovery
 * document or key set (at the first token, and at a token signed by a key it does not know yet).
 * The request that brought the token waits as long, on a thread of the server's pool: Spring
 * Security's default of 30 s each would let a provider that stalls hold many of them, while a
 * provider that answers at all answers these small documents in milliseconds.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout    the longest wait for an answer once connected
 */
@ConfigurationProperties("app.security.issuer")
public record IssuerClientProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout) {
}
