package org.socialmedia.post.query.config;

import java.util.List;

import javax.sql.DataSource;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.lookup.AssembledPosts;
import org.socialmedia.post.query.lookup.PostQuery;
import org.socialmedia.post.query.lookup.VersionAwaiter;
import org.socialmedia.post.query.readmodel.PostListing;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lookups: every {@link PostQuery} routed to its handler, read-your-writes waiting, listings, assembled posts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LookupProperties.class)
class LookupConfiguration {

    @Bean
    QueryDispatcher queryDispatcher(List<QueryHandler<?, ?>> handlers) {
        return new QueryDispatcher(PostQuery.class, handlers);
    }

    @Bean
    VersionAwaiter versionAwaiter(QueryDispatcher queryDispatcher, LookupProperties properties) {
        return new VersionAwaiter(queryDispatcher, properties.minVersionTimeout(), properties.minVersionPollInterval(),
                properties.minVersionPollThreads(), properties.maxMinVersionWaiters());
    }

    @Bean
    AssembledPosts assembledPosts(LookupProperties properties) {
        return new AssembledPosts(properties.assembledPostsCapacity());
    }

    @Bean
    PostListing postListing(DataSource dataSource) {
        return new PostListing(dataSource);
    }
}
