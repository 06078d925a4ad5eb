package org.socialmedia.post.query.projection;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the post event topic into the projector, a polled batch per transaction. The container
 * commits the offsets after this method returns, that is after the database commit, so an event
 * is never marked as consumed before it is stored (at worst it is delivered again, and skipped).
 *
 * <p>Failures name the record to resume from ({@link BatchListenerFailedException}); the error
 * handler commits the offsets before it and decides between retrying and dead-lettering.
 */
@Component
public class PostEventListener {

    /** The id of the projection's listener container, by which its monitor finds its partitions. */
    public static final String ID = "post-projection";

    private final EventReader reader;
    private final PostProjector projector;
    private final ProjectionMetrics metrics;
    private final ApplicationEventPublisher announcements;

    PostEventListener(EventReader reader, PostProjector projector, ProjectionMetrics metrics,
                      ApplicationEventPublisher announcements) {
        this.reader = reader;
        this.projector = projector;
        this.metrics = metrics;
        this.announcements = announcements;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${app.kafka.topic:social-media-post-events}",
            batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        List<RecordedEvent> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                events.add(reader.read(records.get(index)));
            } catch (MalformedEventException poison) {
                // The good records before the poison are committed first, so that the error
                // handler may commit their offsets and retry (then dead-letter) from the poison on.
                project(events);
                throw new BatchListenerFailedException(poison.getMessage(), poison, index);
            }
        }
        project(events);
    }

    private void project(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        ProjectionOutcome outcome;
        try {
            outcome = projector.project(events);
        } catch (RuntimeException failure) {
            // Rolled back as a whole: resume from the batch's first record.
            throw new BatchListenerFailedException("projection failed: " + failure.getMessage(), failure, 0);
        }
        metrics.committed(outcome);
        if (!outcome.advancedPosts().isEmpty()) {
            announcements.publishEvent(new PostsAdvanced(outcome.advancedPosts()));
        }
    }
}
