package org.socialmedia.post.query.projection.monitor;

import io.micrometer.core.instrument.MeterRegistry;

import org.socialmedia.post.query.projection.PostEventListener;
import org.socialmedia.post.query.projection.ProjectionProperties;
import org.socialmedia.post.query.readmodel.ParkedEventsCensus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The projection's monitor: its lag and parked events as gauges, and its stalls in readiness
 * (the {@code projection} health indicator). Its Kafka clients use the application's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
class ProjectionMonitorConfiguration {

    @Bean
    GroupOffsets projectionGroupOffsets(KafkaAdmin kafkaAdmin, ProjectionProperties projection) {
        return new GroupOffsets(kafkaAdmin.getConfigurationProperties(), projection.monitorTimeout());
    }

    @Bean
    RecordTimestamps projectionRecordTimestamps(ConsumerFactory<?, ?> consumers, ProjectionProperties projection) {
        return new RecordTimestamps(consumers.getConfigurationProperties(), projection.monitorTimeout());
    }

    @Bean
    ProjectionProgressMonitor projectionProgressMonitor(KafkaListenerEndpointRegistry listeners, GroupOffsets groupOffsets,
                                                        RecordTimestamps timestamps, ProjectionProperties projection) {
        return new ProjectionProgressMonitor(listeners, PostEventListener.ID, groupOffsets, timestamps,
                projection.stallTimeout());
    }

    @Bean
    ParkedEventsMonitor parkedEventsMonitor(ParkedEventsCensus census, ProjectionProperties projection) {
        return new ParkedEventsMonitor(census, projection.monitorTimeout());
    }

    @Bean
    ProjectionMonitor projectionMonitor(ProjectionProgressMonitor progress, ParkedEventsMonitor parkedEvents,
                                        ProjectionProperties projection) {
        return new ProjectionMonitor(progress, parkedEvents, projection.monitorInterval(), projection.monitorTimeout());
    }

    @Bean
    ProjectionMonitorMetrics projectionMonitorMetrics(MeterRegistry registry, ProjectionProgressMonitor progress,
                                                      ParkedEventsMonitor parkedEvents) {
        return new ProjectionMonitorMetrics(registry, progress, parkedEvents);
    }

    /** Named {@code projection} in the health report, and part of the readiness group. */
    @Bean
    ProjectionHealthIndicator projectionHealthIndicator(ProjectionProgressMonitor progress) {
        return new ProjectionHealthIndicator(progress);
    }
}
