package org.socialmedia.post.query.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which version of a post the read model holds: what the projection compares each event with,
 * what tells a lookup whether the post it remembers is current, and what a client waiting for its
 * own write is waiting for. One primary-key read each, no entities.
 */
public class PostVersions {

    private final JdbcClient jdbc;

    PostVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version a lookup may show; empty if the post is unknown or removed. */
    public Optional<Long> visible(UUID postId) {
        return jdbc.sql("select version from post where id = ? and not removed")
                .param(postId)
                .query(Long.class)
                .optional();
    }

    /** The last applied version, removed posts included: a removal is a version too. */
    public Optional<Long> applied(UUID postId) {
        return jdbc.sql("select version from post where id = ?")
                .param(postId)
                .query(Long.class)
                .optional();
    }

    /** The last applied version of each of these posts that the read model knows. */
    public Map<UUID, Long> applied(Collection<UUID> postIds) {
        Map<UUID, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from post where id in (:ids)")
                .param("ids", postIds)
                .query(row -> {
                    versions.put(row.getObject("id", UUID.class), row.getLong("version"));
                });
        return versions;
    }
}
