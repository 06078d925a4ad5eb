package org.socialmedia.post.cmd.command;

import java.time.Clock;
import java.util.List;

import org.socialmedia.cqrs.dispatch.CommandDispatcher;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.EventTime;
import org.socialmedia.post.cmd.domain.PostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.LikePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemoveCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.RemovePostCommand;
import org.socialmedia.post.cmd.domain.PostCommand.UpdateCommentCommand;
import org.socialmedia.post.cmd.domain.PostCommand.UpdateMessageCommand;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Command handling: one handler per post command, behind a dispatcher checked at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class CommandConfiguration {

    /** The service's one clock: event times, publication's grace period and the replay lease all read it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PostRepository postRepository(EventStore store, Clock clock) {
        return new PostRepository(store, clock);
    }

    @Bean
    PostCommandExecutor postCommandExecutor(PostRepository posts, StoredEventsListener publication,
                                            MeterRegistry registry, CommandProperties settings) {
        return new PostCommandExecutor(posts, new PostCache(settings.cachedPosts()),
                new PostLines(settings.maxGroupSize(), settings.queueTimeout()), publication,
                new CommandMetrics(registry), settings.maxAttempts(), settings.maxBackoff());
    }

    @Bean
    PostLocations postLocations(CommandProperties settings) {
        return new PostLocations(settings.lookupsBaseUrl());
    }

    @Bean
    CommandDispatcher commandDispatcher(PostCommandExecutor executor, Clock clock) {
        return new CommandDispatcher(PostCommand.class, List.of(
                new CreatePostHandler(executor, clock),
                new AddCommentHandler(executor, clock),
                new ExistingPostHandler<>(UpdateMessageCommand.class, executor,
                        (post, command) -> post.updateMessage(command.username(), command.message())),
                new ExistingPostHandler<>(LikePostCommand.class, executor,
                        (post, command) -> post.like(command.username())),
                new ExistingPostHandler<>(UpdateCommentCommand.class, executor,
                        (post, command) -> post.updateComment(command.commentId(), command.username(), command.comment(),
                                EventTime.now(clock))),
                new ExistingPostHandler<>(RemoveCommentCommand.class, executor,
                        (post, command) -> post.removeComment(command.commentId(), command.username())),
                new ExistingPostHandler<>(RemovePostCommand.class, executor,
                        (post, command) -> post.remove(command.username()))));
    }
}
