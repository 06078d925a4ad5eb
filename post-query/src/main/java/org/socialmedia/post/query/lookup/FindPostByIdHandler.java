package org.socialmedia.post.query.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostListing.Listed;
import org.socialmedia.post.query.readmodel.PostVersions;

/**
 * One visible post. Its version comes first, in one light statement; a post already assembled at
 * that version is answered from memory, any other is read with its comments from one snapshot.
 */
class FindPostByIdHandler implements QueryHandler<FindPostByIdQuery, Optional<PostDetails>> {

    private final PostVersions versions;
    private final PostDetailsAssembler assembler;
    private final SnapshotReads snapshot;

    FindPostByIdHandler(PostVersions versions, PostDetailsAssembler assembler, SnapshotReads snapshot) {
        this.versions = versions;
        this.assembler = assembler;
        this.snapshot = snapshot;
    }

    @Override
    public Class<FindPostByIdQuery> queryType() {
        return FindPostByIdQuery.class;
    }

    @Override
    public Optional<PostDetails> handle(FindPostByIdQuery query) {
        Optional<Listed> listed = listed(query.id());
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        return assembler.fromMemory(List.of(listed.get()))
                .or(() -> snapshot.read(() -> listed(query.id()).map(again -> assembler.assemble(List.of(again)))))
                .map(posts -> posts.get(0));
    }

    private Optional<Listed> listed(UUID id) {
        return versions.visible(id).map(version -> new Listed(id, version));
    }
}
