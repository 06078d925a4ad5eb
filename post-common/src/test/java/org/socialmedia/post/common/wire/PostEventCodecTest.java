package org.socialmedia.post.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;

import tools.jackson.databind.json.JsonMapper;

class PostEventCodecTest {

    private static final Instant AT = Instant.parse("2026-11-22T14:00:00.123Z");
    private static final UUID COMMENT = UUID.fromString("7a1e5a43-3cb5-4c1e-a1f4-6a4e0f1b2c3d");

    private final PostEventCodec codec = new PostEventCodec();

    static Stream<PostEvent> everyEvent() {
        return Stream.of(
                new PostEvent.PostCreated("alice", "hello", AT),
                new PostEvent.MessageUpdated("hello again"),
                new PostEvent.PostLiked("bob"),
                new PostEvent.CommentAdded(COMMENT, "carol", "nice", AT),
                new PostEvent.CommentUpdated(COMMENT, "carol", "very nice", AT),
                new PostEvent.CommentRemoved(COMMENT, "carol"),
                new PostEvent.PostRemoved("alice"));
    }

    private static RecordedEvent recorded(PostEvent event) {
        return new RecordedEvent(UUID.randomUUID(), UUID.randomUUID(), "Post", 3, AT,
                Map.of("correlationId", "c-1"), event);
    }

    @Nested
    class Encoding {

        @ParameterizedTest
        @MethodSource("org.socialmedia.post.common.wire.PostEventCodecTest#everyEvent")
        void everyEventSurvivesTheRoundTrip(PostEvent event) {
            RecordedEvent original = recorded(event);

            assertThat(codec.decode(codec.encode(original))).isEqualTo(original);
        }

        @Test
        void envelopeHasTheContractsFieldsAndStableTypeName() {
            RecordedEvent original = recorded(new PostEvent.CommentAdded(COMMENT, "carol", "nice", AT));

            var tree = JsonMapper.builder().build().readTree(codec.encode(original));

            assertThat(tree.propertyNames()).containsExactly("eventId", "type", "aggregateId", "aggregateType",
                    "version", "occurredAt", "metadata", "data");
            assertThat(tree.get("type").asString()).isEqualTo("CommentAdded");
            assertThat(tree.get("version").asLong()).isEqualTo(3);
            assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-11-22T14:00:00.123Z");
            assertThat(tree.get("data").get("commentId").asString()).isEqualTo(COMMENT.toString());
            assertThat(tree.get("data").get("commentDate").asString()).isEqualTo("2026-11-22T14:00:00.123Z");
            assertThat(tree.get("metadata").get("correlationId").asString()).isEqualTo("c-1");
        }

        @Test
        void everyEventClassHasExactlyOneWireName() {
            assertThat(Arrays.stream(PostEventType.values()).<Class<?>>map(PostEventType::eventClass))
                    .containsExactlyInAnyOrder(PostEvent.class.getPermittedSubclasses());
            assertThat(Arrays.stream(PostEventType.values()).map(PostEventType::wireName))
                    .containsExactly("PostCreated", "MessageUpdated", "PostLiked", "CommentAdded", "CommentUpdated",
                            "CommentRemoved", "PostRemoved");
        }
    }

    @Nested
    class Decoding {

        @Test
        void readsTheContractsExampleAndIgnoresUnknownFields() {
            String json = """
                    {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"PostCreated",
                     "aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60","aggregateType":"Post",
                     "version":1,"occurredAt":"2026-11-22T14:00:00.123Z","metadata":{"correlationId":"x"},
                     "futureField":{"nested":true},
                     "data":{"author":"alice","message":"hello","datePosted":"2026-11-22T14:00:00.123Z","mood":"happy"}}
                    """;

            RecordedEvent event = codec.decode(json);

            assertThat(event.version()).isEqualTo(1);
            assertThat(event.aggregateId()).isEqualTo(UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60"));
            assertThat(event.event()).isEqualTo(new PostEvent.PostCreated("alice", "hello", AT));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "not json",
                "",
                "[1,2]",
                "null",
                // unknown type
                """
                {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"PostShared","aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60",
                 "aggregateType":"Post","version":2,"occurredAt":"2026-11-22T14:00:00.123Z","data":{}}""",
                // data missing a required field
                """
                {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"PostLiked","aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60",
                 "aggregateType":"Post","version":2,"occurredAt":"2026-11-22T14:00:00.123Z","data":{}}""",
                // data of the wrong shape
                """
                {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"CommentRemoved","aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60",
                 "aggregateType":"Post","version":2,"occurredAt":"2026-11-22T14:00:00.123Z","data":{"commentId":"nope","username":"x"}}""",
                // version missing
                """
                {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"PostLiked","aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60",
                 "aggregateType":"Post","occurredAt":"2026-11-22T14:00:00.123Z","data":{"username":"x"}}""",
                // aggregate id that is no UUID
                """
                {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"PostLiked","aggregateId":"42",
                 "aggregateType":"Post","version":2,"occurredAt":"2026-11-22T14:00:00.123Z","data":{"username":"x"}}"""
        })
        void refusesWhatIsNotAPostEvent(String json) {
            assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(MalformedEventException.class);
        }
    }
}
