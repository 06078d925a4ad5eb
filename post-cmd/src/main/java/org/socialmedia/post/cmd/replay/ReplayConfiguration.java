package org.socialmedia.post.cmd.replay;

import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.post.cmd.publication.EventSender;
import org.socialmedia.post.cmd.publication.PublicationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replays of stored events, through the producer live publication uses, one at a time among all instances. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {

    /** A replayed event waits for the broker as long as a published one: the same producer sends both. */
    @Bean
    ReplayService replayService(EventStore store, EventSender sender, ReplayLeases leases, ReplayProperties replay,
                                PublicationProperties publication) {
        return new ReplayService(store, sender, leases, replay.maxInFlight(), publication.ackTimeout());
    }
}
