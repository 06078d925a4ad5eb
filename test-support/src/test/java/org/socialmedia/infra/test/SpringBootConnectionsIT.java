package org.socialmedia.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;

/** The Spring Boot way and the static way lead to the same servers, whichever the switch chose. */
class SpringBootConnectionsIT {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class))
            .withUserConfiguration(TestKafka.class, TestMongo.class, TestPostgres.class);

    @Test
    void connectionDetailsNameTheServersOfTestInfrastructure() {
        application.run(context -> {
            assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
                    .containsExactly(TestInfrastructure.kafka().bootstrapServers());
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .isEqualTo(new ConnectionString(TestInfrastructure.mongo().connectionString()).getHosts());
            JdbcConnectionDetails postgres = context.getBean(JdbcConnectionDetails.class);
            assertThat(postgres.getJdbcUrl()).isEqualTo(TestInfrastructure.postgres().jdbcUrl());
            assertThat(postgres.getUsername()).isEqualTo(TestInfrastructure.postgres().username());
            assertThat(postgres.getPassword()).isEqualTo(TestInfrastructure.postgres().password());
        });
    }

    @Test
    void closingAContextLeavesTheSharedServersRunning() throws Exception {
        application.run(context -> assertThat(context).hasSingleBean(KafkaConnectionDetails.class));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
