package org.socialmedia.devstack.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.StackSettings;
import org.socialmedia.devstack.tokens.StackTokens;
import org.socialmedia.post.common.topic.PostTopics;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;
import org.socialmedia.testsupport.api.Prometheus;
import org.socialmedia.testsupport.audit.EventStoreReader;
import org.socialmedia.testsupport.audit.ReadModelAudit;
import org.socialmedia.testsupport.topic.TopicRecords;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A whole stack of its own for one fault test, on free ports and from an empty
 * {@code target/faults/<name>} (kept afterwards: the services' logs are in its {@code logs/}),
 * so that no fault leaks into another test. Besides the {@link LocalStack} it offers what the
 * fault tests measure: the event store, the read model and the audit that compares them.
 */
final class FaultStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultStack.class);
    /** The topics as the stack's services name them: nothing overrides their defaults. */
    private static final PostTopics TOPICS = PostTopics.defaults();
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(2);

    /** Rate limits off: no fault test is about them, and their load would trip them (an unknown property is ignored). */
    private static final Map<String, String> WITHOUT_RATE_LIMITS = Map.of("APP_SECURITY_RATE_LIMIT_ENABLED", "false");

    private final LocalStack stack;
    private final EventStoreReader store;
    private final StackTokens tokens;

    private FaultStack(LocalStack stack) {
        this.stack = stack;
        this.store = new EventStoreReader(stack.mongoConnectionString());
        this.tokens = new StackTokens(stack);
    }

    static FaultStack start(String name) {
        return start(name, Map.of());
    }

    /** @param environment extra settings for both services, as a deployment would set them */
    static FaultStack start(String name, Map<String, String> environment) {
        long begin = System.nanoTime();
        Map<String, String> settings = new HashMap<>(WITHOUT_RATE_LIMITS);
        settings.putAll(environment);
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(Path.of("target", "faults", name)).withEnvironment(settings)
                .withoutWebApp(), LOG::info);
        try {
            FaultStack faults = new FaultStack(stack);
            faults.awaitEventsFlowing();
            LOG.info("{}: stack ready and connected in {} ms; logs in {}", name, (System.nanoTime() - begin) / 1_000_000,
                    stack.logDir());
            return faults;
        } catch (RuntimeException | AssertionError e) {
            stack.close();
            throw e;
        }
    }

    LocalStack stack() {
        return stack;
    }

    /** Each command sent with the token of the user it names, from the stack's identity provider. */
    CommandApi commands() {
        return new CommandApi(stack.commandServiceUrl(), tokens);
    }

    /** Another post-cmd instance of this stack, its commands sent with tokens as {@link #commands()}'. */
    CommandApi commands(String commandServiceUrl) {
        return new CommandApi(commandServiceUrl, tokens);
    }

    StackTokens tokens() {
        return tokens;
    }

    LookupApi lookups() {
        return new LookupApi(stack.queryServiceUrl());
    }

    /** post-cmd's events not yet published, as its metrics show them. */
    double unpublishedEventsMetric() {
        return new Prometheus(stack.commandServiceManagementUrl()).sum("post_events_unpublished");
    }

    /** The most commands on one post post-cmd decided together and stored with one write. */
    double largestCommandGroup() {
        return new Prometheus(stack.commandServiceManagementUrl()).sum("post_commands_group_size_max");
    }

    /** post-cmd's sends to the broker that failed: each leaves its event to be published later. */
    double publicationFailures() {
        return new Prometheus(stack.commandServiceManagementUrl()).sum("post_events_publication_failures_total");
    }

    /** post-query's deliveries that failed and are retried. */
    double projectionFailures() {
        return new Prometheus(stack.queryServiceManagementUrl()).sum("post_projection_failures_total");
    }

    /** Events post-query received again and skipped, having applied them before. */
    double duplicatesSkipped() {
        return new Prometheus(stack.queryServiceManagementUrl()).sum("post_projection_events_duplicates_total");
    }

    double deadLettered() {
        return new Prometheus(stack.queryServiceManagementUrl()).sum("post_projection_events_dead_lettered_total");
    }

    /** Per post, its versions as the store holds them, in version order. */
    Map<UUID, List<Long>> storedVersionsByPost() {
        Map<UUID, List<Long>> versions = new HashMap<>();
        store().forEach(event -> versions.computeIfAbsent(UUID.fromString(event.postId()), id -> new ArrayList<>())
                .add(event.version()));
        versions.values().forEach(list -> list.sort(null));
        return versions;
    }

    /** Per post, the versions in the order they first appeared on the topic. */
    Map<UUID, List<Long>> firstDeliveriesByPost() {
        Map<UUID, List<RecordedEvent>> delivered = new HashMap<>();
        topic().events().forEach(event -> delivered.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event));
        Map<UUID, List<Long>> order = new HashMap<>();
        delivered.forEach((post, events) -> order.put(post, TopicRecords.firstDeliveries(events)));
        return order;
    }

    TopicRecords topic() {
        return new TopicRecords(stack.kafkaBootstrapServers(), TOPICS.topic());
    }

    TopicRecords deadLetterTopic() {
        return new TopicRecords(stack.kafkaBootstrapServers(), TOPICS.deadLetterTopic());
    }

    long storedEvents() {
        return store.count();
    }

    EventStoreReader store() {
        return store;
    }

    /** Events stored but not yet flagged as published, read straight from the event store. */
    long unpublishedInStore() {
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            return client.getDatabase("socialMedia").getCollection("eventStore").countDocuments(Filters.eq("published", false));
        }
    }

    /**
     * Events the read model reflects: versions grow by one per event from 1, so a post row at
     * version n has applied n events, whichever restarts its consumer went through.
     */
    long appliedEvents() {
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUsername(),
                stack.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("select coalesce(sum(version), 0) from post")) {
            sum.next();
            return sum.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the read model", e);
        }
    }

    /**
     * Waits until every post of the event store, folded, equals its lookup, and returns how long
     * that took. Fails with the differences of the last audit when it does not happen in time.
     */
    Duration awaitConvergence() {
        return awaitConvergence(0);
    }

    /**
     * As {@link #awaitConvergence()}, when a test also wrote events straight to the topic: those
     * are applied without being in the event store.
     *
     * @param appliedOutsideTheStore how many such events the read model applies
     */
    Duration awaitConvergence(long appliedOutsideTheStore) {
        long begin = System.nanoTime();
        ReadModelAudit audit = new ReadModelAudit(lookups());
        ReadModelAudit.Result[] last = new ReadModelAudit.Result[1];
        try {
            await("the read model equal to the fold of the event store").atMost(CONVERGENCE_TIMEOUT)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ReadModelAudit.Result result = audit.compare(store, 4);
                        if (!Thread.currentThread().isInterrupted()) {
                            last[0] = result;
                        }
                        return result.consistent() && appliedEvents() == storedEvents() + appliedOutsideTheStore;
                    });
        } catch (ConditionTimeoutException e) {
            String differences = last[0] == null ? "no audit finished"
                    : last[0].differences().size() + " posts differ, for example "
                    + last[0].differences().subList(0, Math.min(5, last[0].differences().size()));
            throw new AssertionError("the read model did not converge to the event store within " + CONVERGENCE_TIMEOUT.toSeconds()
                    + " s: " + storedEvents() + " events stored, " + appliedEvents() + " applied; " + differences, e);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** One line per test, so that a run's log shows what each fault test did. */
    void report(String test, String details) {
        System.out.printf("[faults] %s: %s%n", test, details);
    }

    private void awaitEventsFlowing() {
        UUID post = commands().createPost("warm-up", "the pair is connected").id();
        await("the first event in the read model").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> lookups().post(post).status() == 200);
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            stack.close();
        }
    }
}
