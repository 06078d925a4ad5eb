package org.socialmedia.cqrs.dispatch;

import java.util.Collection;

/** Routes each query to its one handler, found once at construction. */
public final class QueryDispatcher {

    private final HandlerTable<QueryHandler<?, ?>> table;

    /**
     * @param queryFamily sealed interface whose permitted subclasses are all queries
     * @param handlers    one handler per query of the family
     */
    public QueryDispatcher(Class<?> queryFamily, Collection<? extends QueryHandler<?, ?>> handlers) {
        this.table = new HandlerTable<>(queryFamily, handlers, QueryHandler::queryType);
    }

    @SuppressWarnings("unchecked")
    public <R> R dispatch(Query<R> query) {
        var handler = (QueryHandler<Query<R>, R>) table.handlerFor(query.getClass());
        return handler.handle(query);
    }
}
