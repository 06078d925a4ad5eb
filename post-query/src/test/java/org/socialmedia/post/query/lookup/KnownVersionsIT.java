package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PostProjector;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostListing;
import org.socialmedia.post.query.readmodel.PostListing.Listed;
import org.socialmedia.post.query.readmodel.PostUpdates;
import org.socialmedia.post.query.readmodel.PostVersions;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.socialmedia.post.query.readmodel.ReadModelWriter;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.StatementCounter;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lookups answered from the posts' known versions, on PostgreSQL, with changes committed by the
 * real projector and announced by PostgreSQL itself: a connection of this test listens, as the live
 * stream's listener does, and hands what it hears to {@link KnownVersions} when the test says so,
 * which lets a test choose when a change is heard. Nothing is rolled back: announcements are only
 * sent at commit.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({FindPostsHandler.class, FindPostByIdHandler.class, FindPostVersionHandler.class, PostDetailsAssembler.class,
        SnapshotReads.class, PostListing.class, PostVersions.class, PostUpdates.class, PostProjector.class, ReadModelWriter.class,
        PostEventCodec.class, KnownVersionsIT.Caches.class})
class KnownVersionsIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Caches {
        @Bean
        AssembledPosts assembledPosts() {
            return new AssembledPosts(1_000);
        }

        @Bean
        KnownVersions knownVersions() {
            return new KnownVersions(1_000, Duration.ofMinutes(5));
        }

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, "known_versions_test");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    List<QueryHandler<?, ?>> handlers;

    @Autowired
    PostProjector projector;

    @Autowired
    PostVersions versions;

    @Autowired
    KnownVersions known;

    @Autowired
    PostViewRepository postRows;

    @Autowired
    CommentViewRepository commentRows;

    @Autowired
    PostUpdates updates;

    @Autowired
    SnapshotReads snapshot;

    @Autowired
    StatementCounter statements;

    @Autowired
    DataSource dataSource;

    QueryDispatcher queries;
    Connection listeningConnection;
    final List<AnnouncedChange> announced = new ArrayList<>();

    @BeforeEach
    void listen() throws SQLException {
        queries = new QueryDispatcher(PostQuery.class, handlers);
        listeningConnection = dataSource.getConnection();
        listeningConnection.setAutoCommit(true);
        try (Statement listen = listeningConnection.createStatement()) {
            listen.execute("listen " + AnnouncedChange.CHANNEL);
        }
        known.listening();
    }

    @AfterEach
    void stopListening() throws SQLException {
        known.deaf();
        try (Statement unlisten = listeningConnection.createStatement()) {
            unlisten.execute("unlisten *");
        }
        listeningConnection.close();
    }

    @Test
    void aPostLookedUpAgainUnchangedCostsNoStatement() {
        PostStream post = created();
        PostDetails first = lookUp(post, 0);

        statements.reset();
        PostDetails again = lookUp(post, 0);

        assertThat(again).isEqualTo(first);
        assertThat(statements.count()).isZero();
    }

    @Test
    void aChangeOnceHeardIsAnsweredAtOnce() {
        PostStream post = created();
        lookUp(post, 0);

        project(post.liked("bob"));
        hearUpTo(post, 2);

        assertThat(lookUp(post, 0).version()).isEqualTo(2);
        assertThat(lookUp(post, 0).likes()).isEqualTo(1);
    }

    @Test
    void aVersionReadBeforeAChangeThatWasHeardMeanwhileIsNotRemembered() {
        PostStream post = created();
        // Assembled at version 1, so that a remembered version 1 would be answered from memory.
        unknownAfterLookUp(post);

        KnownVersions.Stamp beforeTheRead = known.stamp(post.postId()).orElseThrow();
        long read = versions.visible(post.postId()).orElseThrow();
        project(post.liked("bob"));
        hearUpTo(post, 2);
        known.remember(beforeTheRead, read);

        assertThat(known.visible(post.postId())).isEmpty();
        assertThat(lookUp(post, 0).version()).isEqualTo(2);
    }

    @Test
    void whileNothingIsHeardEveryLookupReadsTheDatabase() {
        PostStream post = created();
        lookUp(post, 0);

        known.deaf();
        project(post.liked("bob"));

        statements.reset();
        assertThat(lookUp(post, 0).version()).isEqualTo(2);
        assertThat(statements.count()).isPositive();
        assertThat(known.visible(post.postId())).isEmpty();
    }

    @Test
    void aVersionReadBeforeListeningStoppedIsNotRememberedOnceItStartsAgain() {
        PostStream post = created();
        unknownAfterLookUp(post);

        KnownVersions.Stamp beforeTheRead = known.stamp(post.postId()).orElseThrow();
        long read = versions.visible(post.postId()).orElseThrow();
        known.deaf();
        // Committed while nobody listens: never heard.
        project(post.liked("bob"));
        known.listening();
        known.remember(beforeTheRead, read);

        assertThat(known.visible(post.postId())).isEmpty();
        assertThat(lookUp(post, 0).version()).isEqualTo(2);
    }

    @Test
    void listeningAgainForgetsWhatWasKnown() {
        PostStream post = created();
        lookUp(post, 0);
        assertThat(known.visible(post.postId())).contains(1L);

        known.deaf();
        known.listening();

        assertThat(known.visible(post.postId())).isEmpty();
    }

    @Test
    void aChangedPostAssembledBeforeIsBroughtUpToDateWithOneStatement() {
        PostStream post = created();
        UUID first = UUID.randomUUID();
        project(post.commentAdded(first, "bob", "first"));
        hearUpTo(post, 2);
        lookUp(post, 0);

        UUID second = UUID.randomUUID();
        project(post.liked("carol"));
        project(post.commentAdded(second, "carol", "second"));
        project(post.commentUpdated(first, "bob", "first, edited"));
        hearUpTo(post, 5);
        statements.reset();
        PostDetails updated = lookUp(post, 0);

        assertThat(statements.count()).isEqualTo(1);
        assertThat(updated.version()).isEqualTo(5);
        assertThat(updated.likes()).isEqualTo(1);
        assertThat(updated.comments()).extracting(CommentDetails::id, CommentDetails::comment, CommentDetails::edited)
                .containsExactly(tuple(first, "first, edited", true), tuple(second, "second", false));
        assertThat(updated).isEqualTo(readInFull(post));
    }

    @Test
    void aPostThatLostACommentSinceItWasAssembledIsReadInFull() {
        PostStream post = created();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        project(post.commentAdded(first, "bob", "first"));
        project(post.commentAdded(second, "carol", "second"));
        hearUpTo(post, 3);
        lookUp(post, 0);

        project(post.commentRemoved(first, "bob"));
        project(post.commentAdded(UUID.randomUUID(), "dave", "third"));
        hearUpTo(post, 5);
        PostDetails updated = lookUp(post, 0);

        assertThat(updated.comments()).extracting(CommentDetails::comment).containsExactly("second", "third");
        assertThat(updated).isEqualTo(readInFull(post));
    }

    @Test
    void aPostRemovedSinceItWasAssembledIsNotFound() {
        PostStream post = created();
        lookUp(post, 0);

        project(post.removed("alice"));
        hearUpTo(post, 2);

        assertThat(queries.dispatch(new FindPostByIdQuery(post.postId(), 0))).isEmpty();
    }

    @Test
    void aMinimumVersionNotYetHeardOfIsReadFromTheDatabase() {
        PostStream post = created();
        lookUp(post, 0);

        // Committed, its announcement not handed over yet: the known version is still 1.
        project(post.liked("bob"));

        assertThat(known.visible(post.postId())).contains(1L);
        assertThat(lookUp(post, 2).version()).isEqualTo(2);
    }

    private PostStream created() {
        PostStream post = new PostStream();
        project(post.created("alice", "hello"));
        hearUpTo(post, 1);
        return post;
    }

    /** Looks the post up once, then forgets its known version (as a heard change would), keeping it assembled. */
    private void unknownAfterLookUp(PostStream post) {
        lookUp(post, 0);
        known.deaf();
        known.listening();
        assertThat(known.visible(post.postId())).isEmpty();
    }

    /** The post as a lookup assembles it with nothing remembered: from its row and all its comments. */
    private PostDetails readInFull(PostStream post) {
        PostDetailsAssembler remembersNothing = new PostDetailsAssembler(postRows, commentRows, updates, new AssembledPosts(10));
        return snapshot.read(() -> remembersNothing.assemble(List.of(new Listed(post.postId(),
                versions.visible(post.postId()).orElseThrow())))).get(0);
    }

    private PostDetails lookUp(PostStream post, long minVersion) {
        return queries.dispatch(new FindPostByIdQuery(post.postId(), minVersion)).orElseThrow();
    }

    private void project(RecordedEvent event) {
        projector.project(List.of(event));
    }

    /** Hands every announcement heard to the known versions, until the post's version is among them. */
    private void hearUpTo(PostStream post, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            receiveAnnouncements();
            return announced.stream().anyMatch(change -> change.id().equals(post.postId()) && change.version() >= version);
        });
    }

    private void receiveAnnouncements() throws SQLException {
        PGNotification[] notifications = listeningConnection.unwrap(PGConnection.class).getNotifications(100);
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            AnnouncedChange change = JSON.readValue(notification.getParameter(), AnnouncedChange.class);
            announced.add(change);
            known.changed(change);
        }
    }
}
