package org.socialmedia.post.cmd.application.handlers;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.application.PostCommandExecutor;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.RemoveCommentCommand;

public final class RemoveCommentHandler implements CommandHandler<RemoveCommentCommand, CommandResult> {

    private final PostCommandExecutor executor;

    public RemoveCommentHandler(PostCommandExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Class<RemoveCommentCommand> commandType() {
        return RemoveCommentCommand.class;
    }

    @Override
    public CommandResult handle(RemoveCommentCommand command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.removeComment(command.commentId(), command.username()));
        return CommandResult.of(command.postId(), version);
    }
}
