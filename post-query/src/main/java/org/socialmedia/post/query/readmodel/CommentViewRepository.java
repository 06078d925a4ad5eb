package org.socialmedia.post.query.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Read-only access to comments, always for a set of posts at once. */
public interface CommentViewRepository extends Repository<CommentView, UUID> {

    /** Oldest first; the id breaks ties so the order is stable. */
    List<CommentView> findByPostIdInOrderByCommentDateAscIdAsc(Collection<UUID> postIds);

    /** The comments added or edited after the given post version, in no particular order. */
    List<CommentView> findByPostIdInAndChangedVersionGreaterThan(Collection<UUID> postIds, long version);
}
