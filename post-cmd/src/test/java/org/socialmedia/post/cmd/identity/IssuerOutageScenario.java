package org.socialmedia.post.cmd.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.infra.test.IssuerStandIn;
import org.socialmedia.infra.test.TestKafka;
import org.socialmedia.infra.test.TestMongo;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The identity provider cannot be reached when a token arrives and its keys are not known yet:
 * an outage, neither the client's mistake nor a bad token, so 503 with {@code Retry-After}, in
 * bounded time even when the provider takes the connection and never answers; and once it is
 * back, the same token is accepted. The service fetches the keys itself over real HTTP from an
 * {@link IssuerStandIn}, as from any provider; subclasses name it by one of the standard properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.kafka.topic=post-cmd-issuer-outage-events")
@Import({TestKafka.class, TestMongo.class})
abstract class IssuerOutageScenario {

    /** The key fetch's budget (app.security.issuer.read-timeout, 3 s) and the way back; the default would be 30 s. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    abstract IssuerStandIn issuer();

    @Test
    void anUnreachableIssuerIs503InBoundedTimeUntilItIsBack() {
        String token = issuer().token("erin");
        long storedBefore = storedEvents();

        issuer().down();
        isRetryLater(timedCreate(token, "issuer down"));

        issuer().unresponsive();
        isRetryLater(timedCreate(token, "issuer unresponsive"));
        assertThat(storedEvents()).as("nothing stored while the keys are unknown").isEqualTo(storedBefore);

        issuer().up();
        Answer back = timedCreate(token, "issuer back");
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
    }

    private Answer timedCreate(String token, String situation) {
        long start = System.nanoTime();
        Answer answer = new Http("http://localhost:" + port).bearer(token)
                .send("POST", "/api/v1/posts", "{\"message\":\"" + situation + "\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as(situation + ": a request thread is not held for long").isLessThan(ANSWER_BOUND);
        return answer;
    }

    private static void isRetryLater(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(503);
        assertThat(answer.json().get("detail").asString())
                .contains("identity provider")
                .as("no internals: neither the provider's address nor the failure").doesNotContain("http", "localhost", "Exception");
    }

    private long storedEvents() {
        AtomicLong count = new AtomicLong();
        store.readAll(500, batch -> count.addAndGet(batch.size()));
        return count.get();
    }
}
