package org.socialmedia.post.cmd.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.cqrs.domain.GoneException;
import org.socialmedia.cqrs.domain.InvalidCommandException;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.cqrs.domain.NotPermittedException;
import org.socialmedia.cqrs.testing.AggregateFixture;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEvent.CommentAdded;
import org.socialmedia.post.common.event.PostEvent.CommentRemoved;
import org.socialmedia.post.common.event.PostEvent.CommentUpdated;
import org.socialmedia.post.common.event.PostEvent.MessageUpdated;
import org.socialmedia.post.common.event.PostEvent.PostCreated;
import org.socialmedia.post.common.event.PostEvent.PostLiked;
import org.socialmedia.post.common.event.PostEvent.PostRemoved;

class PostTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");
    private static final UUID COMMENT = UUID.fromString("7a1e5a43-3cb5-4c1e-a1f4-6a4e0f1b2c3d");
    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00.123Z");
    private static final PostCreated CREATED = new PostCreated("alice", "hello", NOW);
    private static final CommentAdded CAROLS_COMMENT = new CommentAdded(COMMENT, "carol", "nice", NOW);

    private final AggregateFixture<Post, PostEvent> fixture = AggregateFixture.forAggregate(() -> new Post(POST));

    @Nested
    class Creating {

        @Test
        void createdPostStartsAtVersionOne() {
            Post post = Post.create(POST, "alice", "hello", NOW);

            assertThat(post.uncommittedEvents()).containsExactly(CREATED);
            assertThat(post.version()).isEqualTo(1);
            assertThat(post.committedVersion()).isZero();
            assertThat(post.author()).isEqualTo("alice");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void blankAuthorIsRefused(String author) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Post.create(POST, author, "hello", NOW))
                    .isInstanceOf(InvalidCommandException.class)
                    .extracting(e -> ((InvalidCommandException) e).field()).isEqualTo("author");
        }

        @Test
        void tooLongMessageIsRefused() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Post.create(POST, "alice", "x".repeat(5001), NOW))
                    .isInstanceOf(InvalidCommandException.class);
            assertThat(Post.create(POST, "alice", "x".repeat(5000), NOW).version()).isEqualTo(1);
        }

        @Test
        void authorMayHaveSixtyFourCharactersButNotMore() {
            assertThat(Post.create(POST, "a".repeat(64), "hello", NOW).author()).hasSize(64);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Post.create(POST, "a".repeat(65), "hello", NOW))
                    .isInstanceOf(InvalidCommandException.class);
        }
    }

    @Nested
    class EditingTheMessage {

        @Test
        void authorCanEditTheMessage() {
            fixture.given(CREATED)
                    .when(post -> post.editMessage("alice", "hello again"))
                    .expectEvents(new MessageUpdated("hello again"));
        }

        @Test
        void someoneElseCannotEditTheMessage() {
            fixture.given(CREATED)
                    .when(post -> post.editMessage("bob", "hijacked"))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void blankMessageIsRefused() {
            fixture.given(CREATED)
                    .when(post -> post.editMessage("alice", " "))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void removedPostCannotBeEdited() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.editMessage("alice", "back"))
                    .expectException(GoneException.class);
        }
    }

    @Nested
    class Liking {

        @Test
        void anyUserCanLike() {
            fixture.given(CREATED)
                    .when(post -> post.like("bob"))
                    .expectEvents(new PostLiked("bob"))
                    .expectState(post -> assertThat(post.likes()).isEqualTo(1));
        }

        @Test
        void secondLikeBySameUserChangesNothing() {
            fixture.given(CREATED, new PostLiked("bob"))
                    .when(post -> post.like("bob"))
                    .expectNoEvents()
                    .expectState(post -> assertThat(post.version()).isEqualTo(2));
        }

        @Test
        void likesOfDifferentUsersAddUp() {
            fixture.given(CREATED, new PostLiked("bob"), new PostLiked("carol"))
                    .when(post -> post.like("dave"))
                    .expectEvents(new PostLiked("dave"))
                    .expectState(post -> assertThat(post.likes()).isEqualTo(3));
        }

        @Test
        void removedPostCannotBeLiked() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.like("bob"))
                    .expectException(GoneException.class);
        }

        @Test
        void blankUsernameIsRefused() {
            fixture.given(CREATED)
                    .when(post -> post.like(""))
                    .expectException(InvalidCommandException.class);
        }
    }

    @Nested
    class Commenting {

        @Test
        void anyUserCanComment() {
            fixture.given(CREATED)
                    .when(post -> post.addComment(COMMENT, "carol", "nice", NOW))
                    .expectEvents(CAROLS_COMMENT);
        }

        @Test
        void tooLongCommentIsRefused() {
            fixture.given(CREATED)
                    .when(post -> post.addComment(COMMENT, "carol", "x".repeat(2001), NOW))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void commentAuthorCanEditIt() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.editComment(COMMENT, "carol", "very nice", NOW))
                    .expectEvents(new CommentUpdated(COMMENT, "carol", "very nice", NOW));
        }

        @Test
        void evenThePostAuthorCannotEditSomeoneElsesComment() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.editComment(COMMENT, "alice", "censored", NOW))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void commentAuthorCanRemoveIt() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.removeComment(COMMENT, "carol"))
                    .expectEvents(new CommentRemoved(COMMENT, "carol"));
        }

        @Test
        void someoneElseCannotRemoveAComment() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.removeComment(COMMENT, "bob"))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void unknownCommentIsNotFound() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.editComment(UUID.randomUUID(), "carol", "?", NOW))
                    .expectException(NotFoundException.class);
        }

        @Test
        void removedCommentIsGone() {
            fixture.given(CREATED, CAROLS_COMMENT, new CommentRemoved(COMMENT, "carol"))
                    .when(post -> post.removeComment(COMMENT, "carol"))
                    .expectException(GoneException.class);
        }

        @Test
        void removedPostTakesNoComment() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.addComment(COMMENT, "carol", "too late", NOW))
                    .expectException(GoneException.class);
        }
    }

    @Nested
    class Deleting {

        @Test
        void authorCanDeleteThePost() {
            fixture.given(CREATED, new PostLiked("bob"))
                    .when(post -> post.delete("alice"))
                    .expectEvents(new PostRemoved("alice"))
                    .expectState(post -> assertThat(post.isRemoved()).isTrue());
        }

        @Test
        void someoneElseCannotDeleteThePost() {
            fixture.given(CREATED)
                    .when(post -> post.delete("bob"))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void secondDeleteIsGone() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.delete("alice"))
                    .expectException(GoneException.class);
        }

        @Test
        void removedPostIsGoneEvenForSomeoneElse() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.delete("bob"))
                    .expectException(GoneException.class);
        }
    }
}
