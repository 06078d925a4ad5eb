package org.socialmedia.post.query.lookup;

import java.util.OptionalLong;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.springframework.stereotype.Component;

@Component
class FindPostVersionHandler implements QueryHandler<FindPostVersionQuery, OptionalLong> {

    private final PostViewRepository posts;

    FindPostVersionHandler(PostViewRepository posts) {
        this.posts = posts;
    }

    @Override
    public Class<FindPostVersionQuery> queryType() {
        return FindPostVersionQuery.class;
    }

    @Override
    public OptionalLong handle(FindPostVersionQuery query) {
        return posts.findVersionById(query.id()).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
