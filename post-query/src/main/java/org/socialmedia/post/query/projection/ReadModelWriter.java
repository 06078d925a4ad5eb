package org.socialmedia.post.query.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.socialmedia.post.common.event.PostEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection's SQL. Every change of a post also stores the event's version on the post row,
 * in the same transaction, so the row always says which event it reflects.
 *
 * <p>Plain SQL rather than JPA: each event is one or two set-based statements, with no entity
 * to load first and no persistence context to flush.
 */
@Repository
public class ReadModelWriter {

    private final JdbcClient jdbc;

    ReadModelWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises projection transactions that touch the same posts, for instance two instances
     * during a partition rebalance, or a parked event and the predecessor that frees it.
     * The locks are taken in one order (sorted keys), so two batches cannot deadlock.
     */
    void lockPosts(Collection<UUID> postIds) {
        List<Long> keys = postIds.stream().map(ReadModelWriter::lockKey).distinct().sorted().toList();
        jdbc.sql("select count(pg_advisory_xact_lock(k)) from unnest(array[:keys]::bigint[]) as locks(k)")
                .param("keys", keys)
                .query(Long.class)
                .single();
    }

    Map<UUID, Long> appliedVersions(Collection<UUID> postIds) {
        Map<UUID, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from post where id in (:ids)")
                .param("ids", postIds)
                .query(rs -> {
                    versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                });
        return versions;
    }

    Set<UUID> postsWithParkedEvents(Collection<UUID> postIds) {
        return new HashSet<>(jdbc.sql("select distinct post_id from parked_event where post_id in (:ids)")
                .param("ids", postIds)
                .query(UUID.class)
                .list());
    }

    void insertPost(UUID postId, PostEvent.PostCreated created) {
        jdbc.sql("""
                        insert into post (id, author, message, date_posted, likes, comment_count, version, removed)
                        values (:id, :author, :message, :datePosted, 0, 0, 1, false)""")
                .param("id", postId)
                .param("author", created.author())
                .param("message", created.message())
                .param("datePosted", utc(created.datePosted()))
                .update();
    }

    void updateMessage(UUID postId, long version, String message) {
        jdbc.sql("update post set message = :message, version = :version where id = :id")
                .param("message", message)
                .param("version", version)
                .param("id", postId)
                .update();
    }

    void addLike(UUID postId, long version) {
        jdbc.sql("update post set likes = likes + 1, version = :version where id = :id")
                .param("version", version)
                .param("id", postId)
                .update();
    }

    void addComment(UUID postId, long version, PostEvent.CommentAdded added) {
        int inserted = jdbc.sql("""
                        insert into post_comment (id, post_id, username, comment, comment_date, edited)
                        values (:id, :postId, :username, :comment, :commentDate, false)
                        on conflict (id) do nothing""")
                .param("id", added.commentId())
                .param("postId", postId)
                .param("username", added.username())
                .param("comment", added.comment())
                .param("commentDate", utc(added.commentDate()))
                .update();
        changeCommentCount(postId, version, inserted);
    }

    /** The comment keeps its original date; only its text changes and it is marked as edited. */
    void updateComment(UUID postId, long version, PostEvent.CommentUpdated updated) {
        jdbc.sql("update post_comment set comment = :comment, edited = true where id = :id and post_id = :postId")
                .param("comment", updated.comment())
                .param("id", updated.commentId())
                .param("postId", postId)
                .update();
        changeCommentCount(postId, version, 0);
    }

    void removeComment(UUID postId, long version, PostEvent.CommentRemoved removed) {
        int deleted = jdbc.sql("delete from post_comment where id = :id and post_id = :postId")
                .param("id", removed.commentId())
                .param("postId", postId)
                .update();
        changeCommentCount(postId, version, -deleted);
    }

    /** The row stays, flagged, so its version keeps turning replays of older events into no-ops. */
    void removePost(UUID postId, long version) {
        jdbc.sql("update post set removed = true, version = :version where id = :id")
                .param("version", version)
                .param("id", postId)
                .update();
    }

    void park(UUID postId, long version, String envelope) {
        jdbc.sql("""
                        insert into parked_event (post_id, version, envelope) values (:postId, :version, :envelope)
                        on conflict (post_id, version) do nothing""")
                .param("postId", postId)
                .param("version", version)
                .param("envelope", envelope)
                .update();
    }

    /** The envelopes parked for a post from a version on, oldest first. */
    List<String> parkedEnvelopes(UUID postId, long fromVersion) {
        return jdbc.sql("select envelope from parked_event where post_id = :postId and version >= :from order by version")
                .param("postId", postId)
                .param("from", fromVersion)
                .query(String.class)
                .list();
    }

    /** Forgets parked events that are applied now (or were duplicates of applied ones). */
    void unpark(UUID postId, long upToVersion) {
        jdbc.sql("delete from parked_event where post_id = :postId and version <= :version")
                .param("postId", postId)
                .param("version", upToVersion)
                .update();
    }

    long countParked() {
        return jdbc.sql("select count(*) from parked_event").query(Long.class).single();
    }

    private void changeCommentCount(UUID postId, long version, int delta) {
        jdbc.sql("update post set comment_count = comment_count + :delta, version = :version where id = :id")
                .param("delta", delta)
                .param("version", version)
                .param("id", postId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long lockKey(UUID postId) {
        return postId.getMostSignificantBits() ^ postId.getLeastSignificantBits();
    }
}
