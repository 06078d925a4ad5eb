package org.socialmedia.post.query.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read tables' SQL side; the JPA repositories are found by Spring Boot beside their entities.
 * Everything uses the application's one data source, so that every statement joins the
 * transaction of whoever calls it.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelWriter readModelWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        return new ReadModelWriter(jdbc, jdbcTemplate);
    }

    @Bean
    PostVersions postVersions(JdbcClient jdbc) {
        return new PostVersions(jdbc);
    }

    @Bean
    PostUpdates postUpdates(JdbcClient jdbc) {
        return new PostUpdates(jdbc);
    }

    @Bean
    PostListing postListing(JdbcClient jdbc) {
        return new PostListing(jdbc);
    }

    @Bean
    ParkedEventsCensus parkedEventsCensus(JdbcTemplate jdbc) {
        return new ParkedEventsCensus(jdbc);
    }
}
