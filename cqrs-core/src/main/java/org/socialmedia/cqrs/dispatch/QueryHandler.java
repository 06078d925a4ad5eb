package org.socialmedia.cqrs.dispatch;

/** Answers exactly one query type; the dispatcher routes by {@link #queryType()}. */
public interface QueryHandler<Q extends Query<R>, R> {

    Class<Q> queryType();

    R handle(Q query);
}
