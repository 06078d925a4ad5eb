package org.socialmedia.infra.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs against whatever this machine offers: containers where Docker is reachable, the embedded
 * servers otherwise (always with {@code -Dinfra=embedded}).
 */
class SharedServersIT {

    @Test
    void theServersAreEmbeddedUnlessContainersAreAskedFor() {
        String mode = System.getProperty("infra", "embedded");
        if (mode.equals("docker")) {
            assertThat(TestInfrastructure.usesDocker()).isTrue();
        } else if (mode.equals("embedded") || !DockerDetection.engineMayExist()) {
            assertThat(TestInfrastructure.usesDocker()).isFalse();
        }
    }

    @Test
    void registersSpringPropertiesThatReachTheServices() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        DynamicPropertyRegistry registry = properties::put;
        TestInfrastructure.registerKafka(registry);
        TestInfrastructure.registerMongo(registry);
        TestInfrastructure.registerPostgres(registry);

        assertThat(properties).containsOnlyKeys("spring.kafka.bootstrap-servers", "spring.mongodb.uri",
                "spring.datasource.url", "spring.datasource.username", "spring.datasource.password");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("spring.kafka.bootstrap-servers").get()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
        try (MongoClient mongo = MongoClients.create((String) properties.get("spring.mongodb.uri").get())) {
            assertThat(mongo.getDatabase("socialMedia").runCommand(new Document("ping", 1)).get("ok", Number.class).intValue())
                    .isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection((String) properties.get("spring.datasource.url").get(),
                (String) properties.get("spring.datasource.username").get(),
                (String) properties.get("spring.datasource.password").get());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void servicesAreSingletonsThatSurviveAnOutage() throws Exception {
        PostgresService postgres = TestInfrastructure.postgres();
        assertThat(TestInfrastructure.postgres()).isSameAs(postgres);
        String url = postgres.jdbcUrl();
        postgres.stop();
        try {
            assertThat(canConnect(postgres)).isFalse();
        } finally {
            postgres.start();
        }
        assertThat(postgres.jdbcUrl()).isEqualTo(url);
        assertThat(canConnect(postgres)).isTrue();
    }

    @Test
    void aFrozenPostgresAnswersNothingUntilThawedAndThenAnswersTheQueryThatWaited() throws Exception {
        PostgresService postgres = TestInfrastructure.postgres();
        try (Connection open = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            postgres.freeze();
            try {
                assertThat(canConnect(postgres)).isFalse();
                CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> selectOne(open));
                Thread.sleep(1_000);
                assertThat(waiting).isNotDone();
                postgres.thaw();
                assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            } finally {
                postgres.thaw();
            }
        }
        assertThat(canConnect(postgres)).isTrue();
    }

    @Test
    void aFrozenMongoAnswersNothingUntilThawed() {
        MongoService mongo = TestInfrastructure.mongo();
        String impatient = mongo.connectionString() + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=2000";
        try (MongoClient client = MongoClients.create(impatient)) {
            Document ping = new Document("ping", 1);
            assertThat(client.getDatabase("socialMedia").runCommand(ping).get("ok", Number.class).intValue()).isEqualTo(1);
            mongo.freeze();
            try {
                assertThatThrownBy(() -> client.getDatabase("socialMedia").runCommand(ping))
                        .isInstanceOf(MongoException.class);
            } finally {
                mongo.thaw();
            }
        }
        try (MongoClient client = MongoClients.create(impatient)) {
            assertThat(client.getDatabase("socialMedia").runCommand(new Document("ping", 1)).get("ok", Number.class).intValue())
                    .isEqualTo(1);
        }
    }

    private static int selectOne(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean canConnect(PostgresService postgres) {
        try (Connection c = DriverManager.getConnection(ContainerServices.withParameters(postgres.jdbcUrl(), "connectTimeout=2&socketTimeout=2"),
                postgres.username(), postgres.password())) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
