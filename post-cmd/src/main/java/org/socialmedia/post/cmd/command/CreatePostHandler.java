package org.socialmedia.post.cmd.command;

import java.time.Clock;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.cqrs.eventstore.EventTime;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.cmd.domain.PostCommand.CreatePostCommand;

final class CreatePostHandler implements CommandHandler<CreatePostCommand, CommandResult> {

    private final PostCommandExecutor executor;
    private final Clock clock;

    CreatePostHandler(PostCommandExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Class<CreatePostCommand> commandType() {
        return CreatePostCommand.class;
    }

    @Override
    public CommandResult handle(CreatePostCommand command) {
        UUID id = UUID.randomUUID();
        long version = executor.create(command,
                () -> Post.create(id, command.author(), command.message(), EventTime.now(clock)));
        return CommandResult.of(id, version);
    }
}
