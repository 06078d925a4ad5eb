package org.socialmedia.post.cmd.application.handlers;

import java.time.Clock;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.application.PostCommandExecutor;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.EditCommentCommand;

public final class EditCommentHandler implements CommandHandler<EditCommentCommand, CommandResult> {

    private final PostCommandExecutor executor;
    private final Clock clock;

    public EditCommentHandler(PostCommandExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Class<EditCommentCommand> commandType() {
        return EditCommentCommand.class;
    }

    @Override
    public CommandResult handle(EditCommentCommand command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.editComment(command.commentId(), command.username(), command.comment(), Instants.now(clock)));
        return CommandResult.of(command.postId(), version);
    }
}
