package org.socialmedia.post.query.lookup;

import java.util.List;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostListing;
import org.socialmedia.post.query.readmodel.PostListing.ListedPage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/**
 * Pages of visible posts, newest first. The page's posts, their versions and the total come from
 * one statement; when every post on it was assembled before at its listed version, that is all
 * the database is asked. Otherwise the page is read again on one snapshot with the rows and
 * comments of the posts not yet assembled: a few more statements, whatever the page size.
 */
class FindPostsHandler implements QueryHandler<FindPostsQuery, Page<PostDetails>> {

    private final PostListing listing;
    private final PostDetailsAssembler assembler;
    private final SnapshotReads snapshot;

    FindPostsHandler(PostListing listing, PostDetailsAssembler assembler, SnapshotReads snapshot) {
        this.listing = listing;
        this.assembler = assembler;
        this.snapshot = snapshot;
    }

    @Override
    public Class<FindPostsQuery> queryType() {
        return FindPostsQuery.class;
    }

    @Override
    public Page<PostDetails> handle(FindPostsQuery query) {
        PageRequest pageRequest = PageRequest.of(query.page(), query.size());
        ListedPage listed = list(query, pageRequest);
        return assembler.fromMemory(listed.posts())
                .map(posts -> page(posts, pageRequest, listed.total()))
                .orElseGet(() -> snapshot.read(() -> {
                    ListedPage again = list(query, pageRequest);
                    return page(assembler.assemble(again.posts()), pageRequest, again.total());
                }));
    }

    private static Page<PostDetails> page(List<PostDetails> posts, PageRequest pageRequest, long total) {
        return new PageImpl<>(posts, pageRequest, total);
    }

    private ListedPage list(FindPostsQuery query, PageRequest pageRequest) {
        PostFilter filter = query.filter();
        return listing.page(filter.author(), filter.withComments(), filter.minLikes(), pageRequest.getOffset(), query.size());
    }
}
