package org.socialmedia.post.query.lookup;

import java.util.OptionalLong;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostVersions;

class FindPostVersionHandler implements QueryHandler<FindPostVersionQuery, OptionalLong> {

    private final PostVersions versions;

    FindPostVersionHandler(PostVersions versions) {
        this.versions = versions;
    }

    @Override
    public Class<FindPostVersionQuery> queryType() {
        return FindPostVersionQuery.class;
    }

    @Override
    public OptionalLong handle(FindPostVersionQuery query) {
        return versions.applied(query.id()).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
