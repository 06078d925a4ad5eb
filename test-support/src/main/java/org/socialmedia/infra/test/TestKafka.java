package org.socialmedia.infra.test;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of {@link TestInfrastructure} the Spring Boot way: {@code @Import(TestKafka.class)}
 * connects the application under test to it, with no property to register. On Docker it
 * is the shared container as a {@link ServiceConnection}; otherwise connection details that name
 * the embedded broker, started when the application first connects.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestKafka {

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Docker.class)
    static class Container {

        /** Shared by every context of the JVM: closing one context must not stop it. */
        @Bean(destroyMethod = "")
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return ContainerServices.kafkaContainer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Embedded.class)
    static class Embedded {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return () -> List.of(TestInfrastructure.kafka().bootstrapServers());
        }
    }
}
