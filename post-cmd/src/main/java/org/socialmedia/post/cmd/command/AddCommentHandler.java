package org.socialmedia.post.cmd.command;

import java.time.Clock;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.cqrs.eventstore.EventTime;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.PostCommand.AddCommentCommand;

final class AddCommentHandler implements CommandHandler<AddCommentCommand, CommandResult> {

    private final PostCommandExecutor executor;
    private final Clock clock;

    AddCommentHandler(PostCommandExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Class<AddCommentCommand> commandType() {
        return AddCommentCommand.class;
    }

    @Override
    public CommandResult handle(AddCommentCommand command) {
        // Chosen once, outside the retry loop, so a retried command still adds one comment with one id.
        UUID commentId = UUID.randomUUID();
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> post.addComment(commentId, command.username(), command.comment(), EventTime.now(clock)));
        return new CommandResult(command.postId(), version, commentId);
    }
}
