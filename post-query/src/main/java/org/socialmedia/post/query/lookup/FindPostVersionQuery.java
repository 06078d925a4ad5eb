package org.socialmedia.post.query.lookup;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The last version of a post the read model has applied, removed posts included; empty if none.
 * Cheap enough to be asked repeatedly while a client waits for its own write.
 */
record FindPostVersionQuery(UUID id) implements PostQuery<OptionalLong> {
}
