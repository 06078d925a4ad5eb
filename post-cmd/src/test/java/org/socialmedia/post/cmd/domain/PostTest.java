package org.socialmedia.post.cmd.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
            assertThatThrownBy(() -> Post.create(POST, author, "hello", NOW))
                    .isInstanceOf(InvalidCommandException.class)
                    .extracting(e -> ((InvalidCommandException) e).field()).isEqualTo("author");
        }

        @Test
        void tooLongMessageIsRefused() {
            assertThatThrownBy(() -> Post.create(POST, "alice", "x".repeat(5001), NOW))
                    .isInstanceOf(InvalidCommandException.class);
            assertThat(Post.create(POST, "alice", "x".repeat(5000), NOW).version()).isEqualTo(1);
        }

        @Test
        void authorMayHaveSixtyFourCharactersButNotMore() {
            assertThat(Post.create(POST, "a".repeat(64), "hello", NOW).author()).hasSize(64);
            assertThatThrownBy(() -> Post.create(POST, "a".repeat(65), "hello", NOW))
                    .isInstanceOf(InvalidCommandException.class);
        }
    }

    @Nested
    class UpdatingTheMessage {

        @Test
        void authorCanUpdateTheMessage() {
            fixture.given(CREATED)
                    .when(post -> post.updateMessage("alice", "hello again"))
                    .expectEvents(new MessageUpdated("hello again"));
        }

        @Test
        void someoneElseCannotUpdateTheMessage() {
            fixture.given(CREATED)
                    .when(post -> post.updateMessage("bob", "hijacked"))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void blankMessageIsRefused() {
            fixture.given(CREATED)
                    .when(post -> post.updateMessage("alice", " "))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void removedPostCannotBeUpdated() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.updateMessage("alice", "back"))
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
        void commentAuthorCanUpdateIt() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.updateComment(COMMENT, "carol", "very nice", NOW))
                    .expectEvents(new CommentUpdated(COMMENT, "carol", "very nice", NOW));
        }

        @Test
        void evenThePostAuthorCannotUpdateSomeoneElsesComment() {
            fixture.given(CREATED, CAROLS_COMMENT)
                    .when(post -> post.updateComment(COMMENT, "alice", "censored", NOW))
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
                    .when(post -> post.updateComment(UUID.randomUUID(), "carol", "?", NOW))
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
    class Removing {

        @Test
        void authorCanRemoveThePost() {
            fixture.given(CREATED, new PostLiked("bob"))
                    .when(post -> post.remove("alice"))
                    .expectEvents(new PostRemoved("alice"))
                    .expectState(post -> assertThat(post.isRemoved()).isTrue());
        }

        @Test
        void someoneElseCannotRemoveThePost() {
            fixture.given(CREATED)
                    .when(post -> post.remove("bob"))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void secondRemovalIsGone() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.remove("alice"))
                    .expectException(GoneException.class);
        }

        @Test
        void removedPostIsGoneEvenForSomeoneElse() {
            fixture.given(CREATED, new PostRemoved("alice"))
                    .when(post -> post.remove("bob"))
                    .expectException(GoneException.class);
        }
    }

    @Nested
    class TextThatCannotBeStoredFaithfully {

        /** A text a command carries: {@code command} sends {@code text} in that place, all else valid. */
        record TextInput(String place, String field, BiConsumer<Post, String> command) {
            @Override
            public String toString() {
                return place;
            }
        }

        static Stream<TextInput> everyTextACommandCarries() {
            UUID newComment = UUID.fromString("0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d");
            return Stream.of(
                    new TextInput("author of a new post", "author", (post, text) -> Post.create(POST, text, "hello", NOW)),
                    new TextInput("message of a new post", "message", (post, text) -> Post.create(POST, "alice", text, NOW)),
                    new TextInput("updated message", "message", (post, text) -> post.updateMessage("alice", text)),
                    new TextInput("username of an update", "username", (post, text) -> post.updateMessage(text, "edited")),
                    new TextInput("username of a like", "username", Post::like),
                    new TextInput("username of a comment", "username", (post, text) -> post.addComment(newComment, text, "nice", NOW)),
                    new TextInput("comment", "comment", (post, text) -> post.addComment(newComment, "carol", text, NOW)),
                    new TextInput("updated comment", "comment", (post, text) -> post.updateComment(COMMENT, "carol", text, NOW)),
                    new TextInput("username of a comment's removal", "username", (post, text) -> post.removeComment(COMMENT, text)),
                    new TextInput("username of a removal", "username", Post::remove));
        }

        private void refused(TextInput input, String text, String... reason) {
            Post post = new Post(POST);
            post.replay(List.of(CREATED, CAROLS_COMMENT));

            assertThatThrownBy(() -> input.command().accept(post, text))
                    .isInstanceOfSatisfying(InvalidCommandException.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo(input.field());
                        assertThat(refusal.getMessage()).contains(reason);
                    });
            assertThat(post.uncommittedEvents()).isEmpty();
        }

        @ParameterizedTest(name = "in the {0}")
        @MethodSource("everyTextACommandCarries")
        void aNulIsRefusedNamingTheField(TextInput input) {
            refused(input, "nul\u0000here", "must not contain control characters", "(found U+0000)");
        }

        @ParameterizedTest(name = "in the {0}")
        @MethodSource("everyTextACommandCarries")
        void aLoneSurrogateIsRefused(TextInput input) {
            refused(input, "half \ud800 an emoji", "must not contain unpaired surrogates (found U+D800)");
            refused(input, "\udc00 other half", "must not contain unpaired surrogates (found U+DC00)");
        }

        @ParameterizedTest(name = "in the {0}")
        @MethodSource("everyTextACommandCarries")
        void nonCharactersAreRefused(TextInput input) {
            refused(input, "end\uffff", "must not contain Unicode non-characters (found U+FFFF)");
            refused(input, "\ufdd0start", "must not contain Unicode non-characters (found U+FDD0)");
            refused(input, "plane one " + Character.toString(0x1FFFE), "must not contain Unicode non-characters (found U+1FFFE)");
        }

        @ParameterizedTest(name = "in the {0}")
        @MethodSource("everyTextACommandCarries")
        void unicodeWhitespaceAloneIsBlank(TextInput input) {
            refused(input, "\u00a0", "must not be blank");
            refused(input, "\u3000 \u2003\u202f", "must not be blank");
        }

        @Test
        void aCarriageReturnInAMessageIsRefused() {
            assertThatThrownBy(() -> Post.create(POST, "alice", "first line\r\nsecond line", NOW))
                    .isInstanceOfSatisfying(InvalidCommandException.class, refusal -> assertThat(refusal.getMessage())
                            .isEqualTo("message: must not contain control characters other than line feed and tab (found U+000D)"));
        }

        @Test
        void aLineFeedInANameIsRefused() {
            fixture.given(CREATED)
                    .when(post -> post.like("bob\nalice"))
                    .expectException(InvalidCommandException.class);
        }
    }

    @Nested
    class TextAsAPersonReadsIt {

        @Test
        void tabsAndLineFeedsAreAcceptedInMessagesAndComments() {
            fixture.given(CREATED)
                    .when(post -> post.updateMessage("alice", "list:\n\t- one\n\t- two"))
                    .expectEvents(new MessageUpdated("list:\n\t- one\n\t- two"));
            fixture.given(CREATED)
                    .when(post -> post.addComment(COMMENT, "carol", "nice\n\tindeed", NOW))
                    .expectEvents(new CommentAdded(COMMENT, "carol", "nice\n\tindeed", NOW));
        }

        @Test
        void sixtyFourEmojiAreSixtyFourCharacters() {
            String emoji = "\ud83d\ude00";

            assertThat(Post.create(POST, emoji.repeat(64), "hello", NOW).author()).isEqualTo(emoji.repeat(64));
            assertThatThrownBy(() -> Post.create(POST, emoji.repeat(65), "hello", NOW))
                    .isInstanceOfSatisfying(InvalidCommandException.class, refusal -> assertThat(refusal.getMessage())
                            .isEqualTo("author: must be at most 64 characters"));
        }

        @Test
        void textIsStoredInNfc() {
            Post post = Post.create(POST, "Jose\u0301", "cafe\u0301", NOW);

            assertThat(post.uncommittedEvents()).containsExactly(new PostCreated("Jos\u00e9", "caf\u00e9", NOW));
        }

        @Test
        void lengthIsCountedInNfc() {
            String decomposed = "e\u0301".repeat(64);

            assertThat(Post.create(POST, decomposed, "hello", NOW).author()).isEqualTo("\u00e9".repeat(64));
        }

        @Test
        void twoSpellingsOfOneNameAreOneUser() {
            fixture.given(new PostCreated("Jos\u00e9", "hello", NOW), new PostLiked("Jos\u00e9"))
                    .when(post -> post.like("Jose\u0301"))
                    .expectNoEvents();
            fixture.given(new PostCreated("Jos\u00e9", "hello", NOW))
                    .when(post -> post.remove("Jose\u0301"))
                    .expectEvents(new PostRemoved("Jos\u00e9"));
        }

        @Test
        void aNameStoredBeforeTextWasNormalizedIsStillItsAuthor() {
            fixture.given(new PostCreated("Jose\u0301", "hello", NOW), new CommentAdded(COMMENT, "Rene\u0301e", "nice", NOW))
                    .when(post -> post.updateComment(COMMENT, "Ren\u00e9e", "very nice", NOW))
                    .expectEvents(new CommentUpdated(COMMENT, "Ren\u00e9e", "very nice", NOW));
            fixture.given(new PostCreated("Jose\u0301", "hello", NOW))
                    .when(post -> post.updateMessage("Jos\u00e9", "edited"))
                    .expectEvents(new MessageUpdated("edited"));
        }
    }
}
