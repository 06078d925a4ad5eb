package org.socialmedia.post.cmd.integration;

import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.infra.test.TestKafka;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.infra.test.TestMongo;
import org.socialmedia.testsupport.api.BearerTokens;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.topic.TopicRecords;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The whole service over real HTTP, against a real Kafka broker and a real MongoDB-wire server
 * (Testcontainers where Docker exists), trusting the tokens of {@link TestIssuer}, with which
 * {@link #api()} sends each command as the user it names. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Shorter than in production so that catch-up after an outage is quick to observe.
        "app.publication.catch-up-interval=200ms",
        "app.publication.sweep-interval=1s",
        "app.publication.grace-period=500ms",
        "app.kafka.topic=" + IntegrationTest.TOPIC,
})
@Import({TestKafka.class, TestMongo.class, TestIssuer.class})
abstract class IntegrationTest {

    static final String TOPIC = "post-cmd-it-events";

    @LocalServerPort
    int port;

    /** Bearer tokens of the test issuer, as a client gets them from its authorization server. */
    static final BearerTokens TOKENS = new BearerTokens() {
        @Override
        public String forUser(String username) {
            return TestIssuer.token(username);
        }

        @Override
        public String forAdmin() {
            return TestIssuer.adminToken();
        }
    };

    CommandApi api() {
        return api(port);
    }

    static CommandApi api(int port) {
        return new CommandApi("http://localhost:" + port, TOKENS);
    }

    static TopicRecords topic() {
        return new TopicRecords(TestInfrastructure.kafka().bootstrapServers(), TOPIC);
    }
}
