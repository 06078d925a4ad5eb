package org.socialmedia.post.cmd.application.handlers;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.application.PostCommandExecutor;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.EditMessageCommand;

public final class EditMessageHandler implements CommandHandler<EditMessageCommand, CommandResult> {

    private final PostCommandExecutor executor;

    public EditMessageHandler(PostCommandExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Class<EditMessageCommand> commandType() {
        return EditMessageCommand.class;
    }

    @Override
    public CommandResult handle(EditMessageCommand command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.editMessage(command.username(), command.message()));
        return CommandResult.of(command.postId(), version);
    }
}
