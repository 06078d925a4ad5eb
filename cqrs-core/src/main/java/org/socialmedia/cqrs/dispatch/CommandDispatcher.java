package org.socialmedia.cqrs.dispatch;

import java.util.Collection;

/** Routes each command to its one handler, found once at construction. */
public final class CommandDispatcher {

    private final HandlerTable<CommandHandler<?, ?>> table;

    /**
     * @param commandFamily sealed interface whose permitted subclasses are all commands
     * @param handlers      one handler per command of the family
     */
    public CommandDispatcher(Class<?> commandFamily, Collection<? extends CommandHandler<?, ?>> handlers) {
        this.table = new HandlerTable<>(commandFamily, handlers, CommandHandler::commandType);
    }

    @SuppressWarnings("unchecked")
    public <R> R dispatch(Command<R> command) {
        var handler = (CommandHandler<Command<R>, R>) table.handlerFor(command.getClass());
        return handler.handle(command);
    }
}
