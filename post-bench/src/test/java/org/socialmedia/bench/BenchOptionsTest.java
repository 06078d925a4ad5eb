package org.socialmedia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutOptionsTheFullRunStartsItsOwnStack() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.quick()).isFalse();
        assertThat(options.clients()).isEqualTo(32);
        assertThat(options.posts()).isEqualTo(1000);
        assertThat(options.loadDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.hotPostEvents()).isEqualTo(10_000);
        assertThat(options.lookupByIdDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.target().startsItsOwnStack()).isTrue();
    }

    @Test
    void quickIsASmallerRunThatAnOptionCanStillOverride() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--clients=8"});

        assertThat(options.posts()).isEqualTo(300);
        assertThat(options.loadDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.hotPostEvents()).isEqualTo(3000);
        assertThat(options.lookupByIdDuration()).as("each quiet lookup phase stays short").isEqualTo(Duration.ofSeconds(2));
        assertThat(options.clients()).isEqualTo(8);
        assertThat(BenchOptions.parse(new String[] {"--quick", "--lookup-duration=7"}).lookupByIdDuration()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRunningPairNeedsEveryAddress() {
        BenchOptions options = BenchOptions.parse(new String[] {"--cmd-url=http://cmd", "--query-url=http://query",
                "--mongo-uri=mongodb://mongo", "--jdbc-url=jdbc:postgresql://pg/db", "--kafka=kafka:9092",
                "--auth-url=http://localhost:9000"});

        assertThat(options.target().startsItsOwnStack()).isFalse();
        assertThat(options.target().jdbcUser()).isEqualTo("postgres");
        assertThat(options.target().authUrl()).isEqualTo("http://localhost:9000");
        assertThat(options.target().commandManagementUrl()).as("optional: the heap is then not reported").isNull();
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--cmd-url=http://cmd"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--cmd-url=http://cmd", "--query-url=http://query",
                "--mongo-uri=mongodb://mongo", "--jdbc-url=jdbc:postgresql://pg/db", "--kafka=kafka:9092"}))
                .as("commands need tokens, so an identity provider").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--auth-url");
    }

    @Test
    void anOptionLooksLikeNameEqualsValue() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"quick"})).isInstanceOf(IllegalArgumentException.class);
    }
}
