package org.socialmedia.post.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.socialmedia.infra.test.PostgresService;
import org.socialmedia.infra.test.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each kind of test its own database on the shared test PostgreSQL server, so that rows
 * committed by the integration tests never show up in the counts of the lookup tests.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> create(database));
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
    }

    private static synchronized String create(String database) {
        PostgresService postgres = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!found.next()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1");
    }
}
