package org.socialmedia.cqrs.dispatch;

/**
 * An intention to change something, named in the imperative ({@code LikePostCommand}).
 *
 * @param <R> what handling the command answers with
 */
public interface Command<R> {
}
