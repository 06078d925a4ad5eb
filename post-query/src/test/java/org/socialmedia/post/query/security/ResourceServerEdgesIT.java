package org.socialmedia.post.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialmedia.infra.test.IssuerStandIn;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.query.support.TestDatabases;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The edges of the resource server on a real server, whose keys come over HTTP from an
 * {@link IssuerStandIn} named by {@code issuer-uri}: an identity provider out of reach is a 503
 * for a request with a token until it is back, while anonymous lookups do not depend on it; a URL
 * the firewall refuses is a 400 in problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.kafka.topic=edges-it-events")
class ResourceServerEdgesIT {

    private static final IssuerStandIn ISSUER = IssuerStandIn.onFreePort();
    /** The key fetch's budget (app.security.issuer.read-timeout, 3 s) and the way back. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(8);
    private static final String REDRIVE = "/api/v1/admin/dead-letters/redrive";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "edges_test");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    private Http http() {
        return new Http("http://localhost:" + port);
    }

    @Test
    void anUnreachableIssuerIs503ForATokenUntilItIsBackWhileAnonymousLookupsGoOn() {
        Http admin = http().bearer(ISSUER.adminToken());

        ISSUER.unresponsive();
        long start = System.nanoTime();
        Answer outage = admin.send("POST", REDRIVE, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWER_BOUND);
        assertThat(outage.status()).as(outage.toString()).isEqualTo(503);
        assertThat(outage.header("Retry-After")).isNotBlank();
        assertThat(outage.contentType()).startsWith("application/problem+json");
        assertThat(outage.json().get("detail").asString()).contains("identity provider");
        Answer lookup = http().get("/api/v1/posts/" + UUID.randomUUID());
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(404);

        ISSUER.up();
        Answer back = admin.send("POST", REDRIVE, null);
        assertThat(back.status()).as(back.toString()).isEqualTo(202);
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/posts/%s;x=1", "GET, /api/v1/posts//%s", "GET, /api/v1/posts/%%2E%%2E/%s",
            "POST, " + REDRIVE + ";x=1"})
    void aRefusedUrlIs400ProblemDetails(String method, String template) {
        Answer answer = http().send(method, template.formatted(UUID.randomUUID()), null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains("URL");
    }
}
