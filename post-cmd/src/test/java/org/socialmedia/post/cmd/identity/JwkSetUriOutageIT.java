package org.socialmedia.post.cmd.identity;

import org.junit.jupiter.api.AfterAll;
import org.socialmedia.infra.test.IssuerStandIn;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The keys named by {@code jwk-set-uri} and the issuer by {@code issuer-uri}, as compose configures
 * the services: no discovery, the key set is fetched with the first token.
 */
class JwkSetUriOutageIT extends IssuerOutageScenario {

    private static final IssuerStandIn ISSUER = IssuerStandIn.onFreePort();

    @DynamicPropertySource
    static void trustTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @Override
    IssuerStandIn issuer() {
        return ISSUER;
    }
}
