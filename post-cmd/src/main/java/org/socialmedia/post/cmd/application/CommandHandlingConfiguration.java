package org.socialmedia.post.cmd.application;

import java.time.Clock;
import java.util.List;

import org.socialmedia.cqrs.dispatch.CommandDispatcher;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.post.cmd.application.handlers.AddCommentHandler;
import org.socialmedia.post.cmd.application.handlers.CreatePostHandler;
import org.socialmedia.post.cmd.application.handlers.DeletePostHandler;
import org.socialmedia.post.cmd.application.handlers.EditCommentHandler;
import org.socialmedia.post.cmd.application.handlers.EditMessageHandler;
import org.socialmedia.post.cmd.application.handlers.LikePostHandler;
import org.socialmedia.post.cmd.application.handlers.RemoveCommentHandler;
import org.socialmedia.post.cmd.domain.PostCommand;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Command handling: one handler per post command, behind a dispatcher checked at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class CommandHandlingConfiguration {

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
        return new PostCommandExecutor(posts, new PostLocks(settings.lockStripes()), publication,
                new CommandMetrics(registry), settings.maxAttempts(), settings.maxBackoff());
    }

    @Bean
    CommandDispatcher commandDispatcher(PostCommandExecutor executor, Clock clock) {
        return new CommandDispatcher(PostCommand.class, List.of(
                new CreatePostHandler(executor, clock),
                new EditMessageHandler(executor),
                new LikePostHandler(executor),
                new AddCommentHandler(executor, clock),
                new EditCommentHandler(executor, clock),
                new RemoveCommentHandler(executor),
                new DeletePostHandler(executor)));
    }
}
