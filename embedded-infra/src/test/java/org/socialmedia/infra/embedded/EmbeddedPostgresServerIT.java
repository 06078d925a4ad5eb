package org.socialmedia.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @TempDir
    Path tempDir;

    @Test
    void rowsSurviveAStopAndRestartOnTheSameUrl() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(tempDir.resolve("pg"), 0)) {
            String url = postgres.jdbcUrl();
            try (Connection c = connect(postgres); Statement s = c.createStatement()) {
                s.execute("create table post (id uuid primary key, message text not null, version bigint not null)");
                s.execute("insert into post values ('5b1f3a4e-7c1d-4d8e-9f00-000000000001', 'hello', 1)");
                try (ResultSet rs = s.executeQuery("select current_user, version()")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("postgres");
                    assertThat(rs.getString(2)).startsWith("PostgreSQL 18");
                }
            }

            postgres.stop();
            assertThatThrownBy(() -> connect(postgres).close()).isInstanceOf(SQLException.class);

            postgres.restart();
            assertThat(postgres.jdbcUrl()).isEqualTo(url);
            try (Connection c = connect(postgres); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select message, version from post")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("message")).isEqualTo("hello");
                assertThat(rs.getLong("version")).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
