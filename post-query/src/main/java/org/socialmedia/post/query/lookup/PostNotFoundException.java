package org.socialmedia.post.query.lookup;

import java.util.UUID;

/** No visible post has this id: it never existed, its creation is not applied yet, or it was removed. */
public class PostNotFoundException extends RuntimeException {

    public PostNotFoundException(UUID id) {
        super("post " + id + " not found");
    }
}
