package org.socialmedia.infra.test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of {@link TestInfrastructure} the Spring Boot way:
 * {@code @Import(TestPostgres.class)} connects the application's data source to it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgres {

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Docker.class)
    static class Container {

        /** Shared by every context of the JVM: closing one context must not stop it. */
        @Bean(destroyMethod = "")
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return ContainerServices.postgresContainer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.Embedded.class)
    static class Embedded {

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails() {
            return new JdbcConnectionDetails() {
                @Override
                public String getJdbcUrl() {
                    return TestInfrastructure.postgres().jdbcUrl();
                }

                @Override
                public String getUsername() {
                    return TestInfrastructure.postgres().username();
                }

                @Override
                public String getPassword() {
                    return TestInfrastructure.postgres().password();
                }
            };
        }
    }
}
