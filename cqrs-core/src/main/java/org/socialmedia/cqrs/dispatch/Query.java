package org.socialmedia.cqrs.dispatch;

/**
 * A question that changes nothing, named after what it finds ({@code FindPostsByAuthorQuery}).
 *
 * @param <R> the answer's type
 */
public interface Query<R> {
}
