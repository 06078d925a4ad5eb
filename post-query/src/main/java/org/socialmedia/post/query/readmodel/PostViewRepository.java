package org.socialmedia.post.query.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Read-only access to posts by id; which posts a lookup shows comes from {@link PostListing}. */
public interface PostViewRepository extends Repository<PostView, UUID> {

    List<PostView> findByIdIn(Collection<UUID> ids);

    /** The last applied version, removed posts included: a removal is a version too. */
    @Query("select p.version from PostView p where p.id = :id")
    Optional<Long> findVersionById(UUID id);
}
