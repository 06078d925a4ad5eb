package org.socialmedia.post.cmd.command;

import java.util.function.BiConsumer;

import org.socialmedia.cqrs.dispatch.CommandHandler;
import org.socialmedia.post.cmd.domain.CommandResult;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.cmd.domain.PostCommand;

/**
 * Handles a command on an existing post whose answer is just the new version: the command names
 * the aggregate verb to call, the executor does the loading, checking, storing and retrying.
 */
final class ExistingPostHandler<C extends PostCommand.OnExistingPost> implements CommandHandler<C, CommandResult> {

    private final Class<C> commandType;
    private final PostCommandExecutor executor;
    private final BiConsumer<Post, C> decision;

    ExistingPostHandler(Class<C> commandType, PostCommandExecutor executor, BiConsumer<Post, C> decision) {
        this.commandType = commandType;
        this.executor = executor;
        this.decision = decision;
    }

    @Override
    public Class<C> commandType() {
        return commandType;
    }

    @Override
    public CommandResult handle(C command) {
        long version = executor.execute(command, command.postId(), command.expectedVersion(),
                post -> decision.accept(post, command));
        return CommandResult.of(command.postId(), version);
    }
}
