package org.socialmedia.post.query.readmodel;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Read-only access to posts; filtered pages go through {@link PostSpecifications}. */
public interface PostViewRepository extends Repository<PostView, UUID>, JpaSpecificationExecutor<PostView> {

    Optional<PostView> findByIdAndRemovedFalse(UUID id);

    /** The last applied version, removed posts included: a removal is a version too. */
    @Query("select p.version from PostView p where p.id = :id")
    Optional<Long> findVersionById(UUID id);
}
