package org.socialmedia.post.query.lookup;

import java.util.List;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostListing;
import org.socialmedia.post.query.readmodel.PostUpdates;
import org.socialmedia.post.query.readmodel.PostVersions;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The lookups: every {@link PostQuery} routed to its handler, posts assembled once per version and
 * rendered once, and read-your-writes waiting, woken by this instance's projection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LookupProperties.class)
class LookupConfiguration {

    @Bean
    QueryDispatcher queryDispatcher(List<QueryHandler<?, ?>> handlers) {
        return new QueryDispatcher(PostQuery.class, handlers);
    }

    @Bean
    FindPostsHandler findPostsHandler(PostListing listing, PostDetailsAssembler assembler, SnapshotReads snapshot) {
        return new FindPostsHandler(listing, assembler, snapshot);
    }

    @Bean
    FindPostByIdHandler findPostByIdHandler(PostVersions versions, PostDetailsAssembler assembler, SnapshotReads snapshot,
                                            KnownVersions known) {
        return new FindPostByIdHandler(versions, assembler, snapshot, known);
    }

    /** Told of every instance's changes by the live stream's listener, as an {@code AnnouncedChangeObserver}. */
    @Bean
    KnownVersions knownVersions(LookupProperties properties) {
        return new KnownVersions(properties.knownVersionsCapacity(), properties.knownVersionsTtl());
    }

    @Bean
    FindPostVersionHandler findPostVersionHandler(PostVersions versions) {
        return new FindPostVersionHandler(versions);
    }

    @Bean
    PostDetailsAssembler postDetailsAssembler(PostViewRepository posts, CommentViewRepository comments, PostUpdates updates,
                                              AssembledPosts assembled) {
        return new PostDetailsAssembler(posts, comments, updates, assembled);
    }

    @Bean
    AssembledPosts assembledPosts(LookupProperties properties) {
        return new AssembledPosts(properties.assembledPostsCapacity());
    }

    @Bean
    SnapshotReads snapshotReads(PlatformTransactionManager transactions) {
        return new SnapshotReads(transactions);
    }

    @Bean
    RenderedPostsModule renderedPostsModule() {
        return new RenderedPostsModule();
    }

    @Bean
    VersionAwaiter versionAwaiter(QueryDispatcher queryDispatcher, LookupProperties properties) {
        return new VersionAwaiter(queryDispatcher, properties.minVersionTimeout(), properties.minVersionPollInterval(),
                properties.minVersionPollThreads(), properties.maxMinVersionWaiters());
    }

    @Bean
    ReadYourWritesWakeUp readYourWritesWakeUp(VersionAwaiter versions) {
        return new ReadYourWritesWakeUp(versions);
    }
}
