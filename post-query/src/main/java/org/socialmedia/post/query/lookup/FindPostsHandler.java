package org.socialmedia.post.query.lookup;

import static org.socialmedia.post.query.readmodel.PostSpecifications.byAuthor;
import static org.socialmedia.post.query.readmodel.PostSpecifications.visible;
import static org.socialmedia.post.query.readmodel.PostSpecifications.withAtLeastLikes;
import static org.socialmedia.post.query.readmodel.PostSpecifications.withComments;

import java.util.List;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostView;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Pages of visible posts, newest first: at most three statements (posts, count, their comments). */
@Component
class FindPostsHandler implements QueryHandler<FindPostsQuery, Page<PostDetails>> {

    /** The id breaks ties between posts of the same instant, so pages never overlap or skip. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("datePosted"), Sort.Order.desc("id"));

    private final PostViewRepository posts;
    private final PostDetailsAssembler assembler;

    FindPostsHandler(PostViewRepository posts, PostDetailsAssembler assembler) {
        this.posts = posts;
        this.assembler = assembler;
    }

    @Override
    public Class<FindPostsQuery> queryType() {
        return FindPostsQuery.class;
    }

    /** Repeatable read: the page, its total and its comments come from one snapshot. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<PostDetails> handle(FindPostsQuery query) {
        Specification<PostView> matching = matching(query.filter());
        PageRequest pageRequest = PageRequest.of(query.page(), query.size(), NEWEST_FIRST);
        if (pageRequest.getOffset() > Integer.MAX_VALUE) {
            // JPA offsets are ints; a page that far out is past the end of any real table.
            return new PageImpl<>(List.of(), pageRequest, posts.count(matching));
        }
        Page<PostView> page = posts.findAll(matching, pageRequest);
        return new PageImpl<>(assembler.assemble(page.getContent()), pageRequest, page.getTotalElements());
    }

    private static Specification<PostView> matching(PostFilter filter) {
        Specification<PostView> matching = visible();
        if (filter.author() != null) {
            matching = matching.and(byAuthor(filter.author()));
        }
        if (filter.withComments()) {
            matching = matching.and(withComments());
        }
        if (filter.minLikes() != null) {
            matching = matching.and(withAtLeastLikes(filter.minLikes()));
        }
        return matching;
    }
}
