package org.socialmedia.post.query.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Republishes dead-lettered records to the post event topic once their cause is fixed: key and
 * value as they were, plus {@link #REDRIVEN_FROM_HEADER} naming the dead-letter record. A record
 * that fails again is dead-lettered again, as a new record, for a later re-drive.
 *
 * <p>How far re-drives got is kept as the committed offsets of a consumer group of its own on the
 * dead-letter topic, so each record is re-driven once (at least once: a crash between sending and
 * committing sends it again). A re-drive reads up to the end offsets it saw when it began, so
 * what it dead-letters again waits for the next one. The consumer is assigned the partitions
 * rather than subscribed, so no group rebalance delays it.
 *
 * <p>One re-drive runs at a time per instance. Two instances re-driving at once may both send a
 * record; that is harmless, since the projection skips a version it has applied.
 */
class DeadLetterRedrive {

    /** Header of a re-driven record: the dead-letter record it came from, as {@code <topic>-<partition>@<offset>}. */
    public static final String REDRIVEN_FROM_HEADER = "dlt-redriven-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaOperations<String, String> kafka;
    private final String deadLetterTopic;
    private final String topic;
    private final String group;
    private final Duration brokerTimeout;
    private final AtomicBoolean running = new AtomicBoolean();

    DeadLetterRedrive(ConsumerFactory<String, String> consumers, KafkaOperations<String, String> kafka,
                      String deadLetterTopic, String topic, String group, Duration brokerTimeout) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
        this.topic = topic;
        this.group = group;
        this.brokerTimeout = brokerTimeout;
    }

    /**
     * @return how many dead-lettered records were republished, each acknowledged by the broker
     * @throws RedriveInProgressException if a re-drive is running on this instance
     * @throws RedriveFailedException     if the broker did not answer in time
     */
    long redrive() {
        if (!running.compareAndSet(false, true)) {
            throw new RedriveInProgressException();
        }
        try {
            Consumer<String, String> consumer = consumers.createConsumer(group, null, null, manualCommits());
            try {
                long redriven = redriveUpToTheEnd(consumer);
                log.info("re-drove {} dead-lettered records from {}", redriven, deadLetterTopic);
                return redriven;
            } finally {
                // Closing waits for the requests still under way, such as a commit the broker never answered:
                // bounded like every other step (a plain close() waits up to 30 s).
                consumer.close(CloseOptions.timeout(brokerTimeout));
            }
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            // The client's own (a timeout reading the topic), or the template's (a send refused at once).
            throw stopped(new RedriveFailedException("the broker did not answer in time", e));
        } catch (RedriveFailedException e) {
            throw stopped(e);
        } finally {
            running.set(false);
        }
    }

    private RedriveFailedException stopped(RedriveFailedException failure) {
        log.warn("re-drive of {} stopped: {}", deadLetterTopic, failure.toString());
        return failure;
    }

    /** A new group starts at the beginning of the topic, and commits only what the broker acknowledged. */
    private static Properties manualCommits() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return overrides;
    }

    private long redriveUpToTheEnd(Consumer<String, String> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, brokerTimeout).stream()
                .map(partition -> new TopicPartition(deadLetterTopic, partition.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, brokerTimeout);
        long redriven = 0;
        while (stillBeforeTheEnd(consumer, end)) {
            // A poll waits up to the timeout for records: none while some remain means the broker does not deliver.
            ConsumerRecords<String, String> records = consumer.poll(brokerTimeout);
            if (records.isEmpty()) {
                throw new RedriveFailedException("the dead-letter topic did not deliver its records up to its end in time");
            }
            redriven += redrive(records, end, consumer);
        }
        return redriven;
    }

    /**
     * Pauses the partitions that reached their end, so that polls fetch from the others only.
     *
     * @return whether some partition has not reached its end
     */
    private boolean stillBeforeTheEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            // Asks the broker where a partition without a committed offset starts: bounded like every other step.
            if (consumer.position(partition, brokerTimeout) >= end.get(partition)) {
                done.add(partition);
            }
        }
        consumer.pause(done);
        return done.size() < consumer.assignment().size();
    }

    /** Sends the records before the end, and once the broker acknowledged them all, commits past them. */
    private int redrive(ConsumerRecords<String, String> records, Map<TopicPartition, Long> end, Consumer<String, String> consumer) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (record.offset() >= end.get(partition)) {
                    break;
                }
                acks.add(kafka.send(redriven(record)));
                next.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        awaitAcknowledged(acks);
        consumer.commitSync(next, brokerTimeout);
        return acks.size();
    }

    private ProducerRecord<String, String> redriven(ConsumerRecord<String, String> deadLetter) {
        String from = new TopicPartition(deadLetter.topic(), deadLetter.partition()) + "@" + deadLetter.offset();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REDRIVEN_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private void awaitAcknowledged(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(brokerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedriveFailedException("the broker did not acknowledge the re-driven records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedriveFailedException("interrupted while re-driving", e);
        }
    }
}
