package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEventType;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.readmodel.PostVersions;
import org.socialmedia.post.query.readmodel.ReadModelWriter;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The projector on a real PostgreSQL with the real migrations. Each test runs in a transaction
 * that is rolled back, so tests see only their own rows.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PostProjector.class, ReadModelWriter.class, PostVersions.class, PostEventCodec.class})
class PostProjectorIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, "projector_test");
    }

    @Autowired
    PostProjector projector;

    @Autowired
    JdbcClient jdbc;

    private final PostStream post = new PostStream();

    private ProjectionOutcome project(RecordedEvent... events) {
        return projector.project(List.of(events));
    }

    private Map<String, Object> postRow(UUID id) {
        return jdbc.sql("select author, message, likes, comment_count, version, removed from post where id = ?")
                .param(id).query().singleRow();
    }

    private List<Map<String, Object>> commentRows(UUID postId) {
        return jdbc.sql("select id, username, comment, comment_date, edited from post_comment where post_id = ? order by comment_date, id")
                .param(postId).query().listOfRows();
    }

    private long parkedCount(UUID postId) {
        return jdbc.sql("select count(*) from parked_event where post_id = ?").param(postId).query(Long.class).single();
    }

    @Nested
    class EveryEventType {

        @Test
        void postCreatedInsertsThePostAtVersionOne() {
            project(post.created("alice", "hello"));

            assertThat(postRow(post.postId())).containsEntry("author", "alice").containsEntry("message", "hello")
                    .containsEntry("likes", 0L).containsEntry("version", 1L).containsEntry("removed", false);
        }

        @Test
        void messageUpdatedReplacesTheMessage() {
            project(post.created("alice", "hello"), post.messageUpdated("hello, world"));

            assertThat(postRow(post.postId())).containsEntry("message", "hello, world").containsEntry("version", 2L);
        }

        @Test
        void postLikedCountsALike() {
            project(post.created("alice", "hello"), post.liked("bob"), post.liked("carol"));

            assertThat(postRow(post.postId())).containsEntry("likes", 2L).containsEntry("version", 3L);
        }

        @Test
        void commentAddedAddsTheComment() {
            UUID comment = UUID.randomUUID();
            project(post.created("alice", "hello"), post.commentAdded(comment, "bob", "nice"));

            assertThat(commentRows(post.postId())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("id", comment).containsEntry("username", "bob").containsEntry("comment", "nice")
                    .containsEntry("edited", false));
            assertThat(postRow(post.postId())).containsEntry("comment_count", 1).containsEntry("version", 2L);
        }

        @Test
        void commentUpdatedChangesTheTextMarksItEditedAndKeepsItsDate() {
            UUID comment = UUID.randomUUID();
            project(post.created("alice", "hello"), post.commentAdded(comment, "bob", "nice"));
            Object originalDate = commentRows(post.postId()).get(0).get("comment_date");

            project(post.commentUpdated(comment, "bob", "very nice"));

            assertThat(commentRows(post.postId())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("comment", "very nice").containsEntry("edited", true)
                    .containsEntry("comment_date", originalDate));
            assertThat(postRow(post.postId())).containsEntry("version", 3L);
        }

        @Test
        void commentRemovedDeletesTheComment() {
            UUID kept = UUID.randomUUID();
            UUID removed = UUID.randomUUID();
            project(post.created("alice", "hello"), post.commentAdded(kept, "bob", "nice"),
                    post.commentAdded(removed, "carol", "meh"), post.commentRemoved(removed, "carol"));

            assertThat(commentRows(post.postId())).extracting(row -> row.get("id")).containsExactly(kept);
            assertThat(postRow(post.postId())).containsEntry("comment_count", 1).containsEntry("version", 4L);
        }

        @Test
        void postRemovedFlagsThePostAndKeepsItsVersion() {
            project(post.created("alice", "hello"), post.removed("alice"));

            assertThat(postRow(post.postId())).containsEntry("removed", true).containsEntry("version", 2L);
        }

        @Test
        void theOutcomeCountsWhatWasApplied() {
            ProjectionOutcome outcome = project(post.created("alice", "hello"), post.liked("bob"), post.liked("carol"));

            assertThat(outcome.applied()).containsEntry(PostEventType.POST_CREATED, 1).containsEntry(PostEventType.POST_LIKED, 2);
            assertThat(outcome.duplicates()).isZero();
        }
    }

    @Nested
    class Duplicates {

        @Test
        void aRedeliveredLikeIsNotCountedTwice() {
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent liked = post.liked("bob");
            project(created, liked);

            ProjectionOutcome again = project(created, liked);

            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(again.appliedCount()).isZero();
            assertThat(postRow(post.postId())).containsEntry("likes", 1L).containsEntry("version", 2L);
        }

        @Test
        void aReplayedCreationDoesNotBringARemovedPostBack() {
            RecordedEvent created = post.created("alice", "hello");
            UUID comment = UUID.randomUUID();
            RecordedEvent commented = post.commentAdded(comment, "bob", "nice");
            RecordedEvent commentRemoved = post.commentRemoved(comment, "bob");
            project(created, commented, commentRemoved, post.removed("alice"));

            project(created, commented);

            assertThat(postRow(post.postId())).containsEntry("removed", true).containsEntry("version", 4L);
            assertThat(commentRows(post.postId())).isEmpty();
        }
    }

    @Nested
    class OutOfOrder {

        @Test
        void anEventAheadOfAGapIsParkedNotApplied() {
            RecordedEvent created = post.created("alice", "hello");
            post.liked("bob");
            RecordedEvent secondLike = post.liked("carol");
            project(created);

            ProjectionOutcome outcome = project(secondLike);

            assertThat(outcome.parked()).isEqualTo(1);
            assertThat(postRow(post.postId())).containsEntry("likes", 0L).containsEntry("version", 1L);
            assertThat(parkedCount(post.postId())).isEqualTo(1);
        }

        @Test
        void parkedEventsAreAppliedInOrderOnceTheGapIsFilled() {
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent missing = post.messageUpdated("first edit");
            RecordedEvent third = post.messageUpdated("second edit");
            RecordedEvent fourth = post.liked("bob");
            project(created, fourth, third);

            ProjectionOutcome outcome = project(missing);

            assertThat(outcome.appliedCount()).isEqualTo(3);
            assertThat(postRow(post.postId())).containsEntry("message", "second edit").containsEntry("likes", 1L)
                    .containsEntry("version", 4L);
            assertThat(parkedCount(post.postId())).isZero();
        }

        @Test
        void eventsOfAnUnknownPostWaitForItsCreation() {
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent liked = post.liked("bob");
            project(liked);

            project(created);

            assertThat(postRow(post.postId())).containsEntry("likes", 1L).containsEntry("version", 2L);
        }

        @Test
        void aGapInsideOneBatchIsClosedInThatBatch() {
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent liked = post.liked("bob");

            project(liked, created);

            assertThat(postRow(post.postId())).containsEntry("likes", 1L).containsEntry("version", 2L);
            assertThat(parkedCount(post.postId())).isZero();
        }

        @Test
        void parkedEventsBeyondAStillOpenGapKeepWaiting() {
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent second = post.liked("bob");
            post.liked("carol");
            RecordedEvent fourth = post.liked("dave");
            project(created, fourth);

            project(second);

            assertThat(postRow(post.postId())).containsEntry("likes", 1L).containsEntry("version", 2L);
            assertThat(parkedCount(post.postId())).isEqualTo(1);
        }
    }

    @Nested
    class MergedBatches {

        @Test
        void aBatchThatEditsThenRemovesAStoredCommentLeavesItRemovedAndCountedOnce() {
            UUID stored = UUID.randomUUID();
            UUID kept = UUID.randomUUID();
            project(post.created("alice", "hello"), post.commentAdded(stored, "bob", "nice"), post.commentAdded(kept, "carol", "ok"));

            project(post.commentUpdated(stored, "bob", "very nice"), post.liked("dave"), post.commentRemoved(stored, "bob"),
                    post.commentUpdated(kept, "carol", "okay"), post.liked("erin"));

            assertThat(commentRows(post.postId())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("id", kept).containsEntry("comment", "okay").containsEntry("edited", true));
            assertThat(postRow(post.postId())).containsEntry("comment_count", 1).containsEntry("likes", 2L)
                    .containsEntry("version", 8L);
        }

        @Test
        void removingAnUnknownCommentOnlyAdvancesTheVersion() {
            project(post.created("alice", "hello"));

            project(post.commentRemoved(UUID.randomUUID(), "bob"));

            assertThat(postRow(post.postId())).containsEntry("comment_count", 0).containsEntry("version", 2L);
        }
    }

    @Nested
    class Rebuild {

        @Test
        void replayIntoAnEmptyReadModelRebuildsTheSameTables() {
            List<RecordedEvent> history = history();
            List<RecordedEvent> liveDelivery = new ArrayList<>(history);
            // The live read model saw redeliveries and an out-of-order pair.
            liveDelivery.add(3, history.get(1));
            Collections.swap(liveDelivery, 5, 6);
            liveDelivery.forEach(event -> projector.project(List.of(event)));
            List<Map<String, Object>> livePosts = allPosts();
            List<Map<String, Object>> liveComments = allComments();

            jdbc.sql("delete from post_comment").update();
            jdbc.sql("delete from post").update();
            jdbc.sql("delete from parked_event").update();
            projector.project(history);

            assertThat(allPosts()).isEqualTo(livePosts);
            assertThat(allComments()).isEqualTo(liveComments);
        }

        private List<RecordedEvent> history() {
            PostStream other = new PostStream();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            return List.of(post.created("alice", "hello"), post.liked("bob"), other.created("carol", "hi"),
                    post.commentAdded(first, "bob", "nice"), post.commentAdded(second, "dave", "meh"),
                    post.commentUpdated(first, "bob", "very nice"), post.commentRemoved(second, "dave"),
                    other.liked("alice"), other.removed("carol"), post.messageUpdated("hello, world"));
        }

        private List<Map<String, Object>> allPosts() {
            return jdbc.sql("select * from post order by id").query().listOfRows();
        }

        private List<Map<String, Object>> allComments() {
            return jdbc.sql("select * from post_comment order by id").query().listOfRows();
        }
    }
}
