package org.socialmedia.post.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.SseClient;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream over real HTTP, fed by the projection from a real topic into a real PostgreSQL
 * database, with a second instance on the same database that consumes a topic of its own: what
 * either instance applies reaches the clients of both. Every test follows posts of its own author.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.kafka.topic=" + PostStreamIT.TOPIC,
        "spring.kafka.consumer.group-id=stream-first",
        "app.stream.heartbeat=200ms",
        "management.server.port=",
        // Only a heard change may end a known version in these tests.
        "app.lookup.known-versions-ttl=10m",
})
@Import({PostEventTopic.class, PostStreamIT.SmallSocketBuffers.class})
class PostStreamIT {

    static final String TOPIC = "stream-events";
    static final String SECOND_TOPIC = "stream-events-second";
    private static final int SECOND_MAX_SUBSCRIBERS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext second;

    private final List<SseClient> clients = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "live_stream");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    PostEventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondInstance(@Autowired Environment environment, @Autowired KafkaAdmin admin) {
        admin.createOrModifyTopics(TopicBuilder.name(SECOND_TOPIC).partitions(1).build());
        second = new SpringApplicationBuilder(PostQueryApplication.class).run(
                "--server.port=0",
                "--management.server.port=",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--app.kafka.topic=" + SECOND_TOPIC,
                "--spring.kafka.consumer.group-id=stream-second",
                "--app.stream.heartbeat=200ms",
                "--app.stream.max-subscribers=" + SECOND_MAX_SUBSCRIBERS);
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(SseClient::close);
    }

    @Test
    void appliedChangesReachAClientAsChangeEventsInVersionOrderAndADuplicateIsNotAnnouncedAgain() {
        String author = author();
        SseClient client = connect(port, "?author=" + author);
        assertThat(client.response().statusCode()).isEqualTo(200);
        assertThat(client.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(PATIENCE).until(() -> !client.lines().isEmpty());
        assertThat(client.lines().get(0)).isEqualTo("retry:3000");

        PostStream post = new PostStream();
        RecordedEvent created = post.created(author, "hello");
        publish(TOPIC, created);
        awaitVersions(client, post.postId(), 1);

        // Delivered again, as after a rebalance: it changes nothing, so it is not announced.
        publish(TOPIC, created, post.liked("bob"), post.liked("carol"), post.removed(author));
        awaitVersions(client, post.postId(), 4);

        List<JsonNode> changes = changes(client, post.postId());
        assertThat(changes).extracting(change -> change.get("version").asLong()).isSorted().doesNotHaveDuplicates()
                .startsWith(1L).endsWith(4L);
        assertThat(changes.get(0).get("author").asString()).isEqualTo(author);
        assertThat(changes.get(0).get("removed").asBoolean()).isFalse();
        assertThat(changes.get(changes.size() - 1).get("removed").asBoolean()).isTrue();
        assertThat(client.events("change")).extracting(event -> Long.parseLong(event.id())).isSorted()
                .doesNotHaveDuplicates();
        assertThat(client.events("refetch")).isEmpty();
        await().atMost(PATIENCE).until(() -> client.lines().contains(": heartbeat"));
        assertThat(meters.get("post.stream.events.sent").counter().count()).isGreaterThanOrEqualTo(changes.size());
    }

    @Test
    void aClientOfEitherInstanceHearsEveryChangeWhicheverInstanceAppliedIt() {
        String author = author();
        SseClient onFirst = connect(port, "?author=" + author);
        SseClient onSecond = connect(secondPort(), "?author=" + author);
        PostStream appliedByFirst = new PostStream();
        PostStream appliedBySecond = new PostStream();

        publish(TOPIC, appliedByFirst.created(author, "first"), appliedByFirst.liked("bob"));
        publish(SECOND_TOPIC, appliedBySecond.created(author, "second"));

        for (SseClient client : List.of(onFirst, onSecond)) {
            awaitVersions(client, appliedByFirst.postId(), 2);
            awaitVersions(client, appliedBySecond.postId(), 1);
        }
        // Every instance names a change alike.
        assertThat(onSecond.events("change")).containsExactlyElementsOf(onFirst.events("change"));
    }

    @Test
    void aClientFilteredToOnePostHearsOnlyThatPost() {
        String author = author();
        PostStream followed = new PostStream();
        PostStream other = new PostStream();
        SseClient client = connect(port, "?postId=" + followed.postId());

        publish(TOPIC, other.created(author, "other"), followed.created(author, "followed"));
        awaitVersions(client, followed.postId(), 1);
        awaitApplied(other.postId(), 1);

        assertThat(client.events("change")).allSatisfy(
                event -> assertThat(JSON.readTree(event.data()).get("id").asString()).isEqualTo(followed.postId().toString()));
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissedOnEitherInstance() {
        String author = author();
        PostStream post = new PostStream();
        SseClient before = connect(port, "?author=" + author);
        publish(TOPIC, post.created(author, "hello"));
        awaitVersions(before, post.postId(), 1);
        String lastEventId = before.events("change").get(0).id();
        before.close();

        publish(TOPIC, post.liked("bob"));
        awaitApplied(post.postId(), 2);
        publish(TOPIC, post.liked("carol"));
        awaitApplied(post.postId(), 3);

        for (int instance : List.of(port, secondPort())) {
            SseClient resumed = connect(instance, "?author=" + author, "Last-Event-ID", lastEventId);
            awaitVersions(resumed, post.postId(), 3);
            assertThat(changes(resumed, post.postId())).extracting(change -> change.get("version").asLong())
                    .containsExactly(2L, 3L);
            assertThat(resumed.events("refetch")).isEmpty();
        }
    }

    @Test
    void aClientThatReconnectsWithAnIdThatIsNotRememberedIsToldToRefetch() {
        SseClient resumed = connect(port, "?author=" + author(), "Last-Event-ID", "987654321");

        await().atMost(PATIENCE).until(() -> !resumed.events("refetch").isEmpty());
        assertThat(JSON.readTree(resumed.events("refetch").get(0).data()).get("reason").asString())
                .isEqualTo("unknown-last-event-id");
    }

    @Test
    void aPostLookedUpOnOneInstanceIsAnsweredFromMemoryUntilTheOtherInstanceChangesIt() throws Exception {
        PostStream post = new PostStream();
        publish(TOPIC, post.created(author(), "looked up"));
        awaitApplied(post.postId(), 1);
        await().atMost(PATIENCE).until(() -> lookUp(post.postId()).statusCode() == 200);
        double knownBefore = knownVersionHits();

        assertThat(version(lookUp(post.postId()))).isEqualTo(1);
        assertThat(knownVersionHits()).isGreaterThan(knownBefore);

        publish(SECOND_TOPIC, post.liked("bob"));
        awaitApplied(post.postId(), 2);
        await().atMost(PATIENCE).until(() -> version(lookUp(post.postId())) == 2);
    }

    @Test
    void whenTheListeningConnectionIsLostClientsAreToldToRefetchAndChangesFlowAgain() {
        String author = author();
        SseClient client = connect(port, "?author=" + author);
        await().atMost(PATIENCE).until(() -> !client.lines().isEmpty());

        jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param("post-query live stream")
                .query(Long.class)
                .single();

        await().atMost(PATIENCE).until(() -> !client.events("refetch").isEmpty());
        assertThat(JSON.readTree(client.events("refetch").get(0).data()).get("reason").asString())
                .isEqualTo("listener-reconnected");
        assertThat(meters.get("post.stream.listening").gauge().value()).isEqualTo(1);
        PostStream post = new PostStream();
        publish(TOPIC, post.created(author, "after the outage"));
        awaitVersions(client, post.postId(), 1);
    }

    @Test
    void streamsBeyondTheBoundAreRefusedWith503AndRetryAfter() throws Exception {
        awaitSubscribers(second, 0);
        for (int index = 0; index < SECOND_MAX_SUBSCRIBERS; index++) {
            SseClient client = connect(secondPort(), "");
            await().atMost(PATIENCE).until(() -> !client.lines().isEmpty());
        }

        HttpResponse<String> refused = get(secondPort(), "");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(503);

        // Closed streams free their places: the server notices at the next heartbeat it cannot write.
        disconnect();
        clients.clear();
        awaitSubscribers(second, 0);
        assertThat(connect(secondPort(), "").response().statusCode()).isEqualTo(200);
    }

    @Test
    void malformedFiltersAre400ProblemDetails() throws Exception {
        for (String query : List.of("?postId=not-a-uuid", "?author=" + URLEncoder.encode("   ", StandardCharsets.UTF_8),
                "?author=" + "a".repeat(65))) {
            HttpResponse<String> refused = get(port, query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        }
    }

    @Test
    void theApiDescriptionNamesTheStream() throws Exception {
        HttpResponse<String> description = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode stream = JSON.readTree(description.body()).path("paths").path("/api/v1/posts/stream").path("get");
        assertThat(stream.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(stream.path("responses").path("503").isMissingNode()).isFalse();
        assertThat(stream.path("parameters").findValuesAsString("name")).contains("postId", "author", "Last-Event-ID");
    }

    @Test
    void aBrowserOnAnotherOriginMayReadTheStream() {
        SseClient client = connect(port, "", "Origin", "http://localhost:5173");
        assertThat(client.response().headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    /**
     * A client that connects and then never reads: once the socket's buffers are full, writing to
     * it blocks. Another client still hears every change, and the projection applies them all.
     */
    @Test
    void aClientThatStopsReadingDelaysNeitherOtherClientsNorTheProjection() throws Exception {
        String author = author();
        SseClient reading = connect(port, "?author=" + author);
        double fellBehind = meters.get("post.stream.refetches").tag("reason", "fell-behind").counter().count();
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("localhost", port), 5000);
            OutputStream request = stuck.getOutputStream();
            request.write(("GET /api/v1/posts/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream answer = stuck.getInputStream();
            assertThat(new String(answer.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            // In rounds that the reading client takes in, however loaded the machine: a round is far
            // below a client's queue, while the stuck client's queue overflows after a few rounds.
            List<PostStream> posts = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                for (int index = 0; index < 250; index++) {
                    PostStream post = new PostStream();
                    posts.add(post);
                    sent.add(kafka.send(TOPIC, post.postId().toString(), codec.encode(post.created(author, "post " + index))));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(reading.events("change")).hasSize(posts.size()));
            }

            assertThat(reading.events("refetch")).isEmpty();
            assertThat(applied(author)).isEqualTo(posts.size());
            // The stuck client did fall behind, so the test did block a write to it.
            assertThat(meters.get("post.stream.refetches").tag("reason", "fell-behind").counter().count())
                    .isGreaterThan(fellBehind);
        }
    }

    /** Small socket buffers, so that a client that does not read blocks the server's writes after a few events. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSocketBuffers {

        @Bean
        TomcatConnectorCustomizer smallSendBuffers() {
            return connector -> connector.setProperty("socket.txBufSize", "4096");
        }
    }

    private SseClient connect(int instance, String query, String... headers) {
        SseClient client = SseClient.connect(uri(instance, query), headers);
        clients.add(client);
        return client;
    }

    private static HttpResponse<String> get(int instance, String query) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(instance, query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int instance, String query) {
        return URI.create("http://localhost:" + instance + "/api/v1/posts/stream" + query);
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    private static String author() {
        return "author-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void publish(String topic, RecordedEvent... events) {
        for (RecordedEvent event : events) {
            try {
                kafka.send(topic, event.aggregateId().toString(), codec.encode(event)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish to " + topic, e);
            }
        }
    }

    private HttpResponse<String> lookUp(UUID postId) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/posts/" + postId)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long version(HttpResponse<String> lookup) {
        return JSON.readTree(lookup.body()).get("version").asLong();
    }

    /** Lookups of the first instance answered from a known version. */
    private double knownVersionHits() {
        return meters.get("cache.gets").tag("cache", "post_versions").tag("result", "hit").functionCounter().count();
    }

    private static List<JsonNode> changes(SseClient client, UUID postId) {
        return client.events("change").stream().map(event -> JSON.readTree(event.data()))
                .filter(change -> change.get("id").asString().equals(postId.toString()))
                .toList();
    }

    private static void awaitVersions(SseClient client, UUID postId, long version) {
        await().atMost(PATIENCE).until(() -> changes(client, postId).stream()
                .anyMatch(change -> change.get("version").asLong() == version));
    }

    private void awaitApplied(UUID postId, long version) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("select coalesce(max(version), 0) from post where id = ?")
                .param(postId).query(Long.class).single() == version);
    }

    private long applied(String author) {
        return jdbc.sql("select count(*) from post where author = ?").param(author).query(Long.class).single();
    }

    private static void awaitSubscribers(ConfigurableApplicationContext instance, int count) {
        MeterRegistry registry = instance.getBean(MeterRegistry.class);
        await().atMost(PATIENCE).until(() -> registry.get("post.stream.subscribers").gauge().value() == count);
    }
}
