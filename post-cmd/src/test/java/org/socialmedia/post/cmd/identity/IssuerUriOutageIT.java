package org.socialmedia.post.cmd.identity;

import org.junit.jupiter.api.AfterAll;
import org.socialmedia.infra.test.IssuerStandIn;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The issuer named by {@code issuer-uri} alone: its discovery document is fetched with the first token, then its keys. */
class IssuerUriOutageIT extends IssuerOutageScenario {

    private static final IssuerStandIn ISSUER = IssuerStandIn.onFreePort();

    @DynamicPropertySource
    static void trustTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
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
