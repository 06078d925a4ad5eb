package org.socialmedia.post.query.lookup;

import java.util.List;
import java.util.Optional;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Component
class FindPostByIdHandler implements QueryHandler<FindPostByIdQuery, Optional<PostDetails>> {

    private final PostViewRepository posts;
    private final PostDetailsAssembler assembler;

    FindPostByIdHandler(PostViewRepository posts, PostDetailsAssembler assembler) {
        this.posts = posts;
        this.assembler = assembler;
    }

    @Override
    public Class<FindPostByIdQuery> queryType() {
        return FindPostByIdQuery.class;
    }

    /** Repeatable read: the version (the ETag) and the comments come from one snapshot. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<PostDetails> handle(FindPostByIdQuery query) {
        return posts.findByIdAndRemovedFalse(query.id())
                .map(post -> assembler.assemble(List.of(post)).get(0));
    }
}
