package org.socialmedia.post.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.infra.test.IssuerStandIn;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.socialmedia.post.query.support.SseClient;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stream when reads need a token: refused without one, and with one it runs through the
 * security filter chain twice, once when it opens and once more (an async dispatch) when it ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.kafka.topic=private-stream-events",
        "app.security.public-reads=false",
        "management.server.port=",
})
@ExtendWith(OutputCaptureExtension.class)
class PrivateStreamIT {

    private static final IssuerStandIn ISSUER = IssuerStandIn.onFreePort().up();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "private_stream");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ChangeFanOut fanOut;

    @Test
    void withoutATokenTheStreamIs401ProblemDetails() throws IOException, InterruptedException {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void withATokenTheStreamRunsAndEndsCleanly(CapturedOutput output) {
        try (SseClient client = SseClient.connect(stream(), "Authorization", "Bearer " + ISSUER.token("alice"))) {
            assertThat(client.response().statusCode()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> fanOut.size() == 1);
            fanOut.publish(new AnnouncedChange(1, UUID.randomUUID(), 1, "alice", false));
            await().atMost(PATIENCE).until(() -> client.events("change").size() == 1);

            // Ending the stream, as at shutdown, dispatches the request once more through the filter chain.
            fanOut.closeAll();
            await().atMost(PATIENCE).until(() -> fanOut.size() == 0);
            await().atMost(PATIENCE).until(client::ended);
        }
        assertThat(output.getAll()).doesNotContain("response is already committed").doesNotContain("AccessDenied");
    }

    private URI stream() {
        return URI.create("http://localhost:" + port + "/api/v1/posts/stream");
    }
}
