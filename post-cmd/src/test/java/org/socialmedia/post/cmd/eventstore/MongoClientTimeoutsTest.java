package org.socialmedia.post.cmd.eventstore;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;

class MongoClientTimeoutsTest {

    private static final EventStoreProperties DEFAULTS = new EventStoreProperties(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** As Spring Boot builds the client: the connection string first, then the customizers. */
    private static MongoClientSettings settings(String uri, EventStoreProperties properties) {
        ConnectionString connectionString = new ConnectionString(uri);
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connectionString);
        new MongoClientTimeouts(properties, connectionString).customize(builder);
        return builder.build();
    }

    @Test
    void boundsEveryWaitTheConnectionStringLeavesOpen() {
        MongoClientSettings settings = settings("mongodb://db.example:27017", DEFAULTS);

        assertThat(settings.getTimeout(MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getReadTimeout(MILLISECONDS)).isEqualTo(10_000);
    }

    @Test
    void theConnectionStringWins() {
        MongoClientSettings settings = settings("mongodb://db.example:27017/?timeoutMS=7000&serverSelectionTimeoutMS=8000"
                + "&connectTimeoutMS=9000&socketTimeoutMS=11000", DEFAULTS);

        assertThat(settings.getTimeout(MILLISECONDS)).isEqualTo(7_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(MILLISECONDS)).isEqualTo(8_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(MILLISECONDS)).isEqualTo(9_000);
        assertThat(settings.getSocketSettings().getReadTimeout(MILLISECONDS)).isEqualTo(11_000);
    }

    @Test
    void aZeroOperationTimeoutLeavesTheClientWithoutOneAndTheOtherBoundsInForce() {
        EventStoreProperties withoutOperationTimeout = new EventStoreProperties(Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

        MongoClientSettings settings = settings("mongodb://db.example:27017", withoutOperationTimeout);

        assertThat(settings.getTimeout(MILLISECONDS)).isNull();
        assertThat(settings.getSocketSettings().getReadTimeout(MILLISECONDS)).isEqualTo(10_000);
    }
}
