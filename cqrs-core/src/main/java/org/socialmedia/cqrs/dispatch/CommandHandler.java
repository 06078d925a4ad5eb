package org.socialmedia.cqrs.dispatch;

/** Handles exactly one command type; the dispatcher routes by {@link #commandType()}. */
public interface CommandHandler<C extends Command<R>, R> {

    Class<C> commandType();

    R handle(C command);
}
