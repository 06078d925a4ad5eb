package org.socialmedia.post.query.lookup;

import java.time.Duration;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The real read-your-writes waiting, with a timeout short enough for a test to see it expire. */
@TestConfiguration(proxyBeanMethods = false)
class ShortVersionWaits {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    @Bean
    VersionAwaiter versionAwaiter(QueryDispatcher queries) {
        return new VersionAwaiter(queries, TIMEOUT, Duration.ofMillis(10), 1, 1000);
    }
}
