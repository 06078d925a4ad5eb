package org.socialmedia.post.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.kafka.mock.MockProducerFactory;

class DeadLetterRedriveTest {

    private static final String TOPIC = "events";
    private static final String DEAD_LETTERS = "events.DLT";
    private static final TopicPartition PARTITION = new TopicPartition(DEAD_LETTERS, 0);

    /** The dead-letter topic with one partition, remembering what was committed. */
    static final class DeadLetterConsumer extends MockConsumer<String, String> {
        final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();

        DeadLetterConsumer(long endOffset, String... values) {
            super("earliest");
            updatePartitions(DEAD_LETTERS, List.of(new PartitionInfo(DEAD_LETTERS, 0, null, null, null)));
            updateBeginningOffsets(Map.of(PARTITION, 0L));
            updateEndOffsets(Map.of(PARTITION, endOffset));
            // Records can only be added once the partition is assigned, that is at the first poll.
            schedulePollTask(() -> {
                for (int offset = 0; offset < values.length; offset++) {
                    addRecord(new ConsumerRecord<>(DEAD_LETTERS, 0, offset, "post-" + offset, values[offset]));
                }
            });
        }

        /** Calls that would wait for a broker that does not answer as long as the client's defaults say (30 s). */
        final List<String> withoutTimeout = new ArrayList<>();
        private boolean timed;

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            commits.add(Map.copyOf(offsets));
            super.commitSync(offsets, timeout);
        }

        @Override
        public synchronized long position(TopicPartition partition, Duration timeout) {
            timed = true;
            try {
                return super.position(partition, timeout);
            } finally {
                timed = false;
            }
        }

        @Override
        public synchronized long position(TopicPartition partition) {
            if (!timed) {
                withoutTimeout.add("position");
            }
            return super.position(partition);
        }

        @Override
        public void close() {
            withoutTimeout.add("close");
            super.close();
        }
    }

    private static DeadLetterRedrive redrive(MockConsumerFactory<String, String> consumers, MockProducer<String, String> producer) {
        return new DeadLetterRedrive(consumers, new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), DEAD_LETTERS, TOPIC,
                "post-query-redrive", Duration.ofMillis(500));
    }

    /** The broker's side, kept open so that the test can read what was sent after the template let go of it. */
    private static MockProducer<String, String> broker(boolean acknowledges) {
        return new MockProducer<>(acknowledges, null, new StringSerializer(), new StringSerializer()) {
            @Override
            public void close(Duration timeout) {
            }
        };
    }

    @Test
    void republishesWhatWasDeadLetteredBeforeItBeganAndCommitsPastIt() {
        // The third record was dead-lettered after the re-drive read the end offsets: it waits for the next re-drive.
        DeadLetterConsumer consumer = new DeadLetterConsumer(2, "first", "second", "dead-lettered meanwhile");
        MockProducer<String, String> producer = broker(true);

        long redriven = redrive(new MockConsumerFactory<>(() -> consumer), producer).redrive();

        assertThat(redriven).isEqualTo(2);
        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
                .containsExactly(tuple(TOPIC, "post-0", "first"), tuple(TOPIC, "post-1", "second"));
        assertThat(producer.history()).extracting(record -> new String(
                        record.headers().lastHeader(DeadLetterRedrive.REDRIVEN_FROM_HEADER).value(), StandardCharsets.UTF_8))
                .containsExactly("events.DLT-0@0", "events.DLT-0@1");
        assertThat(consumer.commits).containsExactly(Map.of(PARTITION, new OffsetAndMetadata(2)));
    }

    @Test
    void waitsForTheBrokerNoLongerThanItsTimeoutAtAnyStep() {
        DeadLetterConsumer consumer = new DeadLetterConsumer(1, "first");

        redrive(new MockConsumerFactory<>(() -> consumer), broker(true)).redrive();

        assertThat(consumer.withoutTimeout).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void commitsNothingTheBrokerDidNotAcknowledge() {
        DeadLetterConsumer consumer = new DeadLetterConsumer(1, "first");

        assertThatThrownBy(() -> redrive(new MockConsumerFactory<>(() -> consumer), broker(false)).redrive())
                .isInstanceOf(RedriveFailedException.class);
        assertThat(consumer.commits).isEmpty();
    }

    @Test
    void runsOneAtATimeOnAnInstance() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DeadLetterRedrive redrive = redrive(new MockConsumerFactory<>(() -> {
            started.countDown();
            awaitQuietly(release);
            return new DeadLetterConsumer(0);
        }), broker(true));
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(redrive::redrive);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(redrive::redrive).isInstanceOf(RedriveInProgressException.class);

        release.countDown();
        assertThat(first).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(0L);
        assertThat(redrive.redrive()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
