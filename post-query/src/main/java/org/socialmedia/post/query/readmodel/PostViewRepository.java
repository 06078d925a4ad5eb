package org.socialmedia.post.query.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Read-only access to posts by id; which posts a lookup shows comes from {@link PostListing}, at
 * which version from {@link PostVersions}.
 */
public interface PostViewRepository extends Repository<PostView, UUID> {

    List<PostView> findByIdIn(Collection<UUID> ids);
}
