package org.socialmedia.post.cmd.application.handlers;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.application.PostCommandExecutor;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.LikePostCommand;

public final class LikePostHandler implements CommandHandler<LikePostCommand, CommandResult> {

    private final PostCommandExecutor executor;

    public LikePostHandler(PostCommandExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Class<LikePostCommand> commandType() {
        return LikePostCommand.class;
    }

    @Override
    public CommandResult handle(LikePostCommand command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.like(command.username()));
        return CommandResult.of(command.postId(), version);
    }
}
