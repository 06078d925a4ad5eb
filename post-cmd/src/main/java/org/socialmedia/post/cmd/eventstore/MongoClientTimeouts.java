package org.socialmedia.post.cmd.eventstore;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;

/**
 * Bounds every wait of the MongoDB client, as {@link EventStoreProperties} says. Spring Boot
 * applies the connection string before any customizer, so this one leaves alone each value the
 * connection string sets, and the connection string wins.
 */
final class MongoClientTimeouts implements MongoClientSettingsBuilderCustomizer {

    private final EventStoreProperties settings;
    private final ConnectionString connectionString;

    MongoClientTimeouts(EventStoreProperties settings, ConnectionString connectionString) {
        this.settings = settings;
        this.connectionString = connectionString;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        if (connectionString.getTimeout() == null && !settings.operationTimeout().isZero()) {
            builder.timeout(millis(settings.operationTimeout()), MILLISECONDS);
        }
        if (connectionString.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis(settings.serverSelectionTimeout()), MILLISECONDS));
        }
        builder.applyToSocketSettings(socket -> {
            if (connectionString.getConnectTimeout() == null) {
                socket.connectTimeout(millis(settings.connectTimeout()), MILLISECONDS);
            }
            if (connectionString.getSocketTimeout() == null) {
                socket.readTimeout(millis(settings.socketTimeout()), MILLISECONDS);
            }
        });
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}
