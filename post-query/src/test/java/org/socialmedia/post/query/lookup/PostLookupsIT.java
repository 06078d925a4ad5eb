package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PostProjector;
import org.socialmedia.post.query.readmodel.PostListing;
import org.socialmedia.post.query.readmodel.PostUpdates;
import org.socialmedia.post.query.readmodel.PostVersions;
import org.socialmedia.post.query.readmodel.ReadModelWriter;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.StatementCounter;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lookups against the real schema on PostgreSQL, with the read model built by the real
 * projector. Each test is rolled back, so it sees only the posts it created.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({FindPostsHandler.class, FindPostByIdHandler.class, FindPostVersionHandler.class, PostDetailsAssembler.class,
        SnapshotReads.class, PostListing.class, PostVersions.class, PostUpdates.class, PostProjector.class, ReadModelWriter.class,
        PostEventCodec.class, PostLookupsIT.Assembled.class})
class PostLookupsIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Assembled {
        @Bean
        AssembledPosts assembledPosts() {
            return new AssembledPosts(1_000);
        }

        /** Never told that anyone listens (these tests roll back, so nothing is announced): every lookup reads. */
        @Bean
        KnownVersions knownVersions() {
            return new KnownVersions(1_000, Duration.ofSeconds(10));
        }

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, "lookups_test");
    }

    @Autowired
    List<QueryHandler<?, ?>> handlers;

    @Autowired
    PostProjector projector;

    @Autowired
    StatementCounter statements;

    @Autowired
    TestEntityManager entityManager;

    QueryDispatcher queries;

    private Instant clock = Instant.parse("2026-11-22T10:00:00Z");

    @BeforeEach
    void dispatcher() {
        queries = new QueryDispatcher(PostQuery.class, handlers);
    }

    /** A new post, a minute younger than the previous one. */
    private PostStream post(String author, String message) {
        clock = clock.plusSeconds(60);
        PostStream post = new PostStream(clock);
        project(post.created(author, message));
        return post;
    }

    private void project(RecordedEvent... events) {
        projector.project(List.of(events));
    }

    private void like(PostStream post, int times) {
        for (int i = 0; i < times; i++) {
            project(post.liked("fan" + i));
        }
    }

    private Page<PostDetails> find(PostFilter filter, int page, int size) {
        return queries.dispatch(new FindPostsQuery(filter, page, size));
    }

    private static List<String> messages(Page<PostDetails> page) {
        return page.getContent().stream().map(PostDetails::message).toList();
    }

    @Nested
    class Listing {

        @Test
        void listsVisiblePostsNewestFirst() {
            post("alice", "first");
            post("bob", "second");
            PostStream removed = post("carol", "third");
            project(removed.removed("carol"));
            post("alice", "fourth");

            assertThat(messages(find(PostFilter.NONE, 0, 20))).containsExactly("fourth", "second", "first");
        }

        @Test
        void postsOfTheSameInstantKeepAStableOrder() {
            PostStream one = new PostStream(clock);
            PostStream two = new PostStream(clock);
            project(one.created("alice", "one"), two.created("bob", "two"));

            // PostgreSQL orders uuids by their bytes, which is the order of their text form.
            List<String> expected = Stream.of(one.postId(), two.postId()).map(UUID::toString)
                    .sorted(Comparator.reverseOrder()).toList();
            assertThat(find(PostFilter.NONE, 0, 20).getContent()).extracting(post -> post.id().toString())
                    .containsExactlyElementsOf(expected);
        }

        @Test
        void carriesEachPostsCommentsOldestFirstWithoutRemovedOnes() {
            PostStream post = post("alice", "hello");
            UUID first = UUID.randomUUID();
            UUID gone = UUID.randomUUID();
            UUID last = UUID.randomUUID();
            project(post.commentAdded(first, "bob", "nice"), post.commentAdded(gone, "carol", "meh"),
                    post.commentAdded(last, "dave", "great"), post.commentRemoved(gone, "carol"),
                    post.commentUpdated(first, "bob", "very nice"));
            post("bob", "no comments");

            List<PostDetails> content = find(PostFilter.NONE, 0, 20).getContent();

            assertThat(content.get(0).comments()).isEmpty();
            assertThat(content.get(1).comments()).extracting(CommentDetails::id).containsExactly(first, last);
            assertThat(content.get(1).comments().get(0)).satisfies(comment -> {
                assertThat(comment.comment()).isEqualTo("very nice");
                assertThat(comment.edited()).isTrue();
                assertThat(comment.commentDate()).isEqualTo(post.now().minusSeconds(5));
            });
        }
    }

    @Nested
    class Filters {

        private PostStream aliceLiked;
        private PostStream aliceCommented;
        private PostStream bobLikedAndCommented;

        @BeforeEach
        void posts() {
            aliceLiked = post("alice", "alice liked");
            like(aliceLiked, 3);
            aliceCommented = post("alice", "alice commented");
            project(aliceCommented.commentAdded(UUID.randomUUID(), "bob", "hi"));
            bobLikedAndCommented = post("bob", "bob liked and commented");
            like(bobLikedAndCommented, 5);
            project(bobLikedAndCommented.commentAdded(UUID.randomUUID(), "alice", "hey"));
            post("Alice", "other alice");
        }

        @Test
        void authorMatchesExactly() {
            assertThat(messages(find(new PostFilter("alice", false, null), 0, 20)))
                    .containsExactly("alice commented", "alice liked");
        }

        @Test
        void withCommentsKeepsPostsThatHaveAComment() {
            assertThat(messages(find(new PostFilter(null, true, null), 0, 20)))
                    .containsExactly("bob liked and commented", "alice commented");
        }

        @Test
        void aCommentRemovedAgainLeavesThePostWithoutComments() {
            UUID comment = UUID.randomUUID();
            PostStream post = post("carol", "commented once");
            project(post.commentAdded(comment, "bob", "hi"), post.commentRemoved(comment, "bob"));

            assertThat(messages(find(new PostFilter("carol", true, null), 0, 20))).isEmpty();
        }

        @Test
        void minLikesKeepsPostsWithAtLeastThatManyLikes() {
            assertThat(messages(find(new PostFilter(null, false, 3L), 0, 20)))
                    .containsExactly("bob liked and commented", "alice liked");
            assertThat(messages(find(new PostFilter(null, false, 4L), 0, 20)))
                    .containsExactly("bob liked and commented");
            assertThat(find(new PostFilter(null, false, 0L), 0, 20).getTotalElements()).isEqualTo(4);
        }

        @Test
        void authorAndMinLikesCombine() {
            assertThat(messages(find(new PostFilter("alice", false, 1L), 0, 20))).containsExactly("alice liked");
        }

        @Test
        void authorAndWithCommentsCombine() {
            assertThat(messages(find(new PostFilter("alice", true, null), 0, 20))).containsExactly("alice commented");
        }

        @Test
        void withCommentsAndMinLikesCombine() {
            assertThat(messages(find(new PostFilter(null, true, 1L), 0, 20))).containsExactly("bob liked and commented");
        }

        @Test
        void allThreeFiltersCombine() {
            assertThat(messages(find(new PostFilter("bob", true, 5L), 0, 20))).containsExactly("bob liked and commented");
            assertThat(messages(find(new PostFilter("alice", true, 1L), 0, 20))).isEmpty();
        }
    }

    @Nested
    class Paging {

        @BeforeEach
        void fivePosts() {
            for (int i = 1; i <= 5; i++) {
                post("alice", "post " + i);
            }
        }

        @Test
        void aFullPageSaysHowManyThereAreInAll() {
            Page<PostDetails> page = find(PostFilter.NONE, 0, 2);

            assertThat(messages(page)).containsExactly("post 5", "post 4");
            assertThat(page.getTotalElements()).isEqualTo(5);
            assertThat(page.getTotalPages()).isEqualTo(3);
        }

        @Test
        void theLastPageHoldsTheRest() {
            Page<PostDetails> page = find(PostFilter.NONE, 2, 2);

            assertThat(messages(page)).containsExactly("post 1");
            assertThat(page.getTotalElements()).isEqualTo(5);
            assertThat(page.getNumber()).isEqualTo(2);
        }

        @Test
        void aPageBeyondTheLastIsEmptyButKeepsTheTotals() {
            Page<PostDetails> page = find(PostFilter.NONE, 7, 2);

            assertThat(page.getContent()).isEmpty();
            assertThat(page.getTotalElements()).isEqualTo(5);
            assertThat(page.getTotalPages()).isEqualTo(3);
        }

        @Test
        void aPageFurtherThanAnyOffsetIsEmptyToo() {
            Page<PostDetails> page = find(PostFilter.NONE, Integer.MAX_VALUE, 100);

            assertThat(page.getContent()).isEmpty();
            assertThat(page.getTotalElements()).isEqualTo(5);
        }

        @Test
        void noMatchingPostIsAnEmptyFirstPage() {
            Page<PostDetails> page = find(new PostFilter("nobody", false, null), 0, 20);

            assertThat(page.getContent()).isEmpty();
            assertThat(page.getTotalElements()).isZero();
            assertThat(page.getTotalPages()).isZero();
        }
    }

    @Nested
    class Totals {

        @Test
        void followPostsEnteringAndLeavingTheFeedAndItsCommentedListing() {
            PostStream liked = post("alice", "liked");
            PostStream commented = post("bob", "commented");
            PostStream removed = post("carol", "removed");
            PostStream bornCommented = new PostStream(clock.plusSeconds(60));
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            project(commented.commentAdded(first, "alice", "one"), commented.commentAdded(second, "carol", "two"),
                    removed.commentAdded(UUID.randomUUID(), "bob", "soon gone"),
                    bornCommented.created("dave", "commented at once"), bornCommented.commentAdded(UUID.randomUUID(), "erin", "first"));
            assertTotals(4, 3);

            project(removed.removed("carol"));
            assertTotals(3, 2);

            project(commented.commentRemoved(first, "alice"), liked.liked("bob"));
            assertTotals(3, 2);

            project(commented.commentRemoved(second, "carol"));
            assertTotals(3, 1);
        }

        @Test
        void startFromNothingAgainAfterTheTablesAreTruncated() {
            post("alice", "before");
            post("bob", "before");

            entityManager.getEntityManager().createNativeQuery("truncate table post_comment, parked_event, post").executeUpdate();
            post("carol", "after");

            assertTotals(1, 0);
        }

        /** Each total as a page tells it, and as counting the rows does, so a drifting trigger would show. */
        private void assertTotals(long feed, long commented) {
            assertThat(find(PostFilter.NONE, 0, 1).getTotalElements())
                    .isEqualTo(feed).isEqualTo(countPosts("not removed"));
            assertThat(find(new PostFilter(null, true, null), 0, 1).getTotalElements())
                    .isEqualTo(commented).isEqualTo(countPosts("not removed and comment_count > 0"));
        }

        private long countPosts(String condition) {
            return ((Number) entityManager.getEntityManager().createNativeQuery("select count(*) from post where " + condition)
                    .getSingleResult()).longValue();
        }
    }

    @Nested
    class OnePost {

        @Test
        void isFoundWithItsComments() {
            PostStream post = post("alice", "hello");
            UUID comment = UUID.randomUUID();
            project(post.liked("bob"), post.commentAdded(comment, "bob", "nice"));

            PostDetails details = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            assertThat(details.author()).isEqualTo("alice");
            assertThat(details.likes()).isEqualTo(1);
            assertThat(details.version()).isEqualTo(3);
            assertThat(details.comments()).extracting(CommentDetails::id).containsExactly(comment);
        }

        @Test
        void aRemovedPostIsNotFoundButItsVersionIsKnown() {
            PostStream post = post("alice", "hello");
            project(post.removed("alice"));

            assertThat(queries.dispatch(new FindPostByIdQuery(post.postId()))).isEmpty();
            assertThat(queries.dispatch(new FindPostVersionQuery(post.postId()))).hasValue(2);
        }

        @Test
        void anUnknownPostIsNotFoundAndHasNoVersion() {
            UUID unknown = UUID.randomUUID();

            assertThat(queries.dispatch(new FindPostByIdQuery(unknown))).isEmpty();
            assertThat(queries.dispatch(new FindPostVersionQuery(unknown))).isEmpty();
        }
    }

    @Nested
    class StatementCount {

        @Test
        void aPageOfPostsWithCommentsCostsTheSameFewStatementsWhateverItsSize() {
            for (int i = 0; i < 12; i++) {
                PostStream post = post("alice", "post " + i);
                project(post.commentAdded(UUID.randomUUID(), "bob", "one"), post.commentAdded(UUID.randomUUID(), "carol", "two"));
            }
            statements.reset();
            Page<PostDetails> small = find(PostFilter.NONE, 0, 3);
            long forSmallPage = statements.count();
            statements.reset();
            Page<PostDetails> large = find(PostFilter.NONE, 0, 10);
            long forLargePage = statements.count();

            assertThat(small.getContent()).allSatisfy(post -> assertThat(post.comments()).hasSize(2));
            assertThat(large.getContent()).hasSize(10).allSatisfy(post -> assertThat(post.comments()).hasSize(2));
            // the listing; then, on one snapshot, the listing again, the rows and the comments of the posts not assembled yet
            assertThat(forSmallPage).isEqualTo(4);
            assertThat(forLargePage).isEqualTo(4);
        }
    }

    @Nested
    class AssembledPostsReused {

        @Test
        void aPostLookedUpAgainAtTheSameVersionOnlyReadsItsRow() {
            PostStream post = post("alice", "hello");
            project(post.commentAdded(UUID.randomUUID(), "bob", "one"), post.commentAdded(UUID.randomUUID(), "carol", "two"));
            PostDetails first = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            statements.reset();
            PostDetails again = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            assertThat(again).isEqualTo(first);
            assertThat(statements.count()).isEqualTo(1);
        }

        @Test
        void aPageOfRememberedPostsIsOneStatement() {
            for (int i = 0; i < 5; i++) {
                PostStream post = post("alice", "post " + i);
                project(post.commentAdded(UUID.randomUUID(), "bob", "one"));
            }
            Page<PostDetails> first = find(PostFilter.NONE, 0, 5);

            statements.reset();
            Page<PostDetails> again = find(PostFilter.NONE, 0, 5);

            assertThat(again.getContent()).isEqualTo(first.getContent());
            // the listing with its total; no rows, no comments
            assertThat(statements.count()).isEqualTo(1);
        }

        @Test
        void aPostThatMovedOnIsAssembledAgain() {
            PostStream post = post("alice", "hello");
            UUID comment = UUID.randomUUID();
            project(post.commentAdded(comment, "bob", "one"));
            queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();
            // In the service every lookup is a transaction of its own; here they share one.
            entityManager.clear();

            project(post.commentUpdated(comment, "bob", "one, edited"), post.liked("carol"));
            PostDetails moved = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            assertThat(moved.version()).isEqualTo(4);
            assertThat(moved.likes()).isEqualTo(1);
            assertThat(moved.comments()).singleElement().satisfies(edited -> {
                assertThat(edited.comment()).isEqualTo("one, edited");
                assertThat(edited.edited()).isTrue();
            });
        }

        @Test
        void aLikedPostKeepsTheCommentsItWasAssembledWith() {
            PostStream post = post("alice", "hello");
            project(post.commentAdded(UUID.randomUUID(), "bob", "one"), post.commentAdded(UUID.randomUUID(), "carol", "two"));
            PostDetails before = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            project(post.liked("dave"));
            entityManager.clear();
            PostDetails after = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            assertThat(after.version()).isEqualTo(4);
            assertThat(after.likes()).isEqualTo(1);
            // not read again: the very comments assembled before
            assertThat(after.comments()).hasSize(2);
            assertThat(after.comments().get(0)).isSameAs(before.comments().get(0));
            assertThat(after.comments().get(1)).isSameAs(before.comments().get(1));
        }

        @Test
        void aPostThatLostACommentSinceIsReadInFull() {
            PostStream post = post("alice", "hello");
            UUID removed = UUID.randomUUID();
            project(post.commentAdded(removed, "bob", "one"), post.commentAdded(UUID.randomUUID(), "carol", "two"));
            queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            project(post.commentRemoved(removed, "bob"), post.commentAdded(UUID.randomUUID(), "dave", "three"));
            entityManager.clear();
            PostDetails after = queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow();

            assertThat(after.comments()).extracting(CommentDetails::comment).containsExactly("two", "three");
        }

        @Test
        void commentsAddedSinceTakeTheirPlaceAsTheDatabaseOrdersThem() {
            PostStream post = post("alice", "hello");
            // One instant for all: the id decides, as PostgreSQL compares uuids (unsigned bytes).
            Instant sameInstant = post.now();
            UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
            UUID middle = UUID.fromString("40000000-0000-0000-0000-000000000000");
            UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
            project(commentAt(post, 2, high, sameInstant), commentAt(post, 3, low, sameInstant));
            assertThat(queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow().comments())
                    .extracting(CommentDetails::id).containsExactly(low, high);

            project(commentAt(post, 4, middle, sameInstant));
            entityManager.clear();

            assertThat(queries.dispatch(new FindPostByIdQuery(post.postId())).orElseThrow().comments())
                    .extracting(CommentDetails::id).containsExactly(low, middle, high);
        }

        private static RecordedEvent commentAt(PostStream post, long version, UUID commentId, Instant date) {
            return new RecordedEvent(UUID.randomUUID(), post.postId(), "Post", version, date, Map.of(),
                    new PostEvent.CommentAdded(commentId, "bob", "at the same instant", date));
        }
    }
}
