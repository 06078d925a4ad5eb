package org.socialmedia.post.cmd.application.handlers;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.application.PostCommandExecutor;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.DeletePostCommand;

public final class DeletePostHandler implements CommandHandler<DeletePostCommand, CommandResult> {

    private final PostCommandExecutor executor;

    public DeletePostHandler(PostCommandExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Class<DeletePostCommand> commandType() {
        return DeletePostCommand.class;
    }

    @Override
    public CommandResult handle(DeletePostCommand command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.delete(command.username()));
        return CommandResult.of(command.postId(), version);
    }
}
