package org.socialmedia.post.query.lookup;

import java.util.UUID;

import org.socialmedia.cqrs.domain.NotFoundException;

/** No visible post has this id: it never existed, its creation is not applied yet, or it was removed. */
class PostNotFoundException extends NotFoundException {

    PostNotFoundException(UUID id) {
        super("post " + id + " not found");
    }
}
