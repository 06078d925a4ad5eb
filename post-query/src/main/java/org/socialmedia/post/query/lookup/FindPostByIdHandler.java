package org.socialmedia.post.query.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.readmodel.PostListing.Listed;
import org.socialmedia.post.query.readmodel.PostVersions;

/**
 * One visible post. A post whose current version is known here ({@link KnownVersions}) and was
 * assembled at it is answered from memory without a statement. A post assembled here at some
 * version is brought up to date with one statement (its row and the comments changed since).
 * Any other post's version comes first, in one light statement; a post already assembled at that
 * version is answered from memory, any other is read with its comments from one snapshot.
 */
class FindPostByIdHandler implements QueryHandler<FindPostByIdQuery, Optional<PostDetails>> {

    private final PostVersions versions;
    private final PostDetailsAssembler assembler;
    private final SnapshotReads snapshot;
    private final KnownVersions known;

    FindPostByIdHandler(PostVersions versions, PostDetailsAssembler assembler, SnapshotReads snapshot, KnownVersions known) {
        this.versions = versions;
        this.assembler = assembler;
        this.snapshot = snapshot;
        this.known = known;
    }

    @Override
    public Class<FindPostByIdQuery> queryType() {
        return FindPostByIdQuery.class;
    }

    @Override
    public Optional<PostDetails> handle(FindPostByIdQuery query) {
        Optional<PostDetails> remembered = known.visible(query.id())
                .filter(version -> version >= query.minVersion())
                .flatMap(version -> assembler.fromMemory(List.of(new Listed(query.id(), version))))
                .map(posts -> posts.get(0));
        return remembered.isPresent() ? remembered : read(query.id());
    }

    private Optional<PostDetails> read(UUID id) {
        Optional<KnownVersions.Stamp> stamp = known.stamp(id);
        Optional<PostDetails> post = assembler.updated(id).or(() -> readInFull(id));
        post.ifPresent(found -> stamp.ifPresent(before -> known.remember(before, found.version())));
        return post;
    }

    /** A post not assembled here before, or one that only a read of all its comments brings up to date. */
    private Optional<PostDetails> readInFull(UUID id) {
        Optional<Listed> listed = listed(id);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        return assembler.fromMemory(List.of(listed.get()))
                .or(() -> snapshot.read(() -> listed(id).map(again -> assembler.assemble(List.of(again)))))
                .map(posts -> posts.get(0));
    }

    private Optional<Listed> listed(UUID id) {
        return versions.visible(id).map(version -> new Listed(id, version));
    }
}
