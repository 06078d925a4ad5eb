package org.socialmedia.post.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.support.PostStream;

class EventReaderTest {

    private final PostEventCodec codec = new PostEventCodec();
    private final EventReader reader = new EventReader(codec);
    private final PostStream post = new PostStream();

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("social-media-post-events", 0, 0, "key", value);
    }

    @Nested
    class WellFormedEvents {

        @Test
        void becomeTheRecordedEventTheyEncode() {
            RecordedEvent created = post.created("alice", "hello");

            assertThat(reader.read(record(codec.encode(created)))).isEqualTo(created);
        }

        @Test
        void laterEventsKeepTheirVersion() {
            post.created("alice", "hello");
            RecordedEvent liked = post.liked("bob");

            assertThat(reader.read(record(codec.encode(liked))).version()).isEqualTo(2);
        }
    }

    @Nested
    class PoisonRecords {

        @Test
        void aRecordWithoutValueIsPoison() {
            assertThatThrownBy(() -> reader.read(record(null))).isInstanceOf(MalformedEventException.class);
        }

        @Test
        void textThatIsNoEnvelopeIsPoison() {
            assertThatThrownBy(() -> reader.read(record("{not json"))).isInstanceOf(MalformedEventException.class);
        }

        @Test
        void anUnknownTypeIsPoison() {
            String json = codec.encode(post.created("alice", "hello")).replace("\"PostCreated\"", "\"PostShared\"");

            assertThatThrownBy(() -> reader.read(record(json))).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("PostShared");
        }

        @Test
        void anotherAggregateTypeIsPoison() {
            String json = codec.encode(post.created("alice", "hello")).replace("\"Post\"", "\"Order\"");

            assertThatThrownBy(() -> reader.read(record(json))).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("Order");
        }

        @Test
        void aFirstVersionThatIsNoCreationIsPoison() {
            RecordedEvent liked = new RecordedEvent(UUID.randomUUID(), UUID.randomUUID(), "Post", 1, post.now(), Map.of(),
                    new PostEvent.PostLiked("bob"));

            assertThatThrownBy(() -> reader.read(record(codec.encode(liked)))).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("PostLiked at version 1");
        }

        @Test
        void aCreationAfterTheFirstVersionIsPoison() {
            RecordedEvent created = new RecordedEvent(UUID.randomUUID(), UUID.randomUUID(), "Post", 3, post.now(), Map.of(),
                    new PostEvent.PostCreated("alice", "hello", post.now()));

            assertThatThrownBy(() -> reader.read(record(codec.encode(created)))).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("PostCreated at version 3");
        }
    }
}
