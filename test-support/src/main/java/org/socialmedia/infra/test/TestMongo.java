package org.socialmedia.infra.test;

import com.mongodb.ConnectionString;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB server of {@link TestInfrastructure} the Spring Boot way: {@code @Import(TestMongo.class)}
 * connects the application under test to it. The connection names no database: the application
 * keeps choosing it with {@code spring.mongodb.database}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMongo {

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Docker.class)
    static class Container {

        /** Shared by every context of the JVM: closing one context must not stop it. */
        @Bean(destroyMethod = "")
        @ServiceConnection
        MongoDBContainer mongoContainer() {
            return ContainerServices.mongoContainer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Embedded.class)
    static class Embedded {

        @Bean
        MongoConnectionDetails mongoConnectionDetails() {
            return () -> new ConnectionString(TestInfrastructure.mongo().connectionString());
        }
    }
}
