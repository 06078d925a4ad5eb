package org.socialmedia.post.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.topic.PostTopics;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds the post event topic into the projector, a polled batch per transaction. The container
 * commits the offsets after this method returns, that is after the database commit, so an event
 * is never marked as consumed before it is stored (at worst it is delivered again, and skipped).
 *
 * <p>Failures name the record to resume from ({@link BatchStop}); the error handler commits the
 * offsets before it and decides between retrying and dead-lettering. A batch that the database
 * refuses because of one record is applied around it ({@link PoisonIsolation}), so that record
 * alone is held back and dead-lettered, not its whole batch.
 */
public class PostEventListener {

    /** The id of the projection's listener container, by which its monitor finds its partitions. */
    public static final String ID = "post-projection";

    private final EventReader reader;
    private final ProjectionMetrics metrics;
    private final ApplicationEventPublisher announcements;
    private final PoisonIsolation<RecordedEvent, ProjectionOutcome> isolation;

    PostEventListener(EventReader reader, PostProjector projector, ProjectionMetrics metrics,
                      ApplicationEventPublisher announcements) {
        this.reader = reader;
        this.metrics = metrics;
        this.announcements = announcements;
        this.isolation = new PoisonIsolation<>(projector::project, this::committed, PoisonRecords::isPoison);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${app.kafka.topic:" + PostTopics.DEFAULT_TOPIC + "}", batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        List<RecordedEvent> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                events.add(reader.read(records.get(index)));
            } catch (MalformedEventException poison) {
                // The good records before the poison are committed first, so that the error
                // handler may commit their offsets and retry (then dead-letter) from the poison on.
                project(events);
                throw BatchStop.at(index, poison);
            }
        }
        project(events);
    }

    private void project(List<RecordedEvent> events) {
        Optional<PoisonIsolation.Failure> failure = isolation.apply(events);
        if (failure.isPresent()) {
            throw BatchStop.at(failure.get().index(), failure.get().cause());
        }
    }

    private void committed(ProjectionOutcome outcome) {
        metrics.committed(outcome);
        if (!outcome.advancedPosts().isEmpty()) {
            announcements.publishEvent(new PostsAdvanced(outcome.advancedPosts()));
        }
    }
}
