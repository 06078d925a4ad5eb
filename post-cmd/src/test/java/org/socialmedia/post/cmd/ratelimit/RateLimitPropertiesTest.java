package org.socialmedia.post.cmd.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class RateLimitPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void onByDefaultWithAPersonsAllowance() {
        context.run(started -> {
            RateLimitProperties settings = started.getBean(RateLimitProperties.class);
            assertThat(settings.enabled()).isTrue();
            assertThat(settings.perUser()).isEqualTo(new Limit(60, 10, Duration.ofSeconds(1)));
            assertThat(settings.perAddress()).isEqualTo(new Limit(30, 5, Duration.ofSeconds(1)));
            assertThat(settings.trackedClients()).isEqualTo(20_000);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"capacity=0", "refill-tokens=-1", "refill-period=0s", "anonymous-capacity=0",
            "anonymous-refill-tokens=0", "anonymous-refill-period=0ms", "tracked-clients=0"})
    void figuresThatCannotWorkStopTheStart(String setting) {
        context.withPropertyValues("app.security.rate-limit." + setting)
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("app.security.rate-limit"));
    }
}
