package org.socialmedia.post.query.readmodel;

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

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projection's SQL. Every change of a post also stores the event's version on the post row,
 * in the same transaction, so the row always says which event it reflects.
 *
 * <p>Plain SQL rather than JPA: a transaction's changes are merged first ({@link PendingChanges})
 * and written in batched statements, with no entity to load and no persistence context to flush.
 * Events that arrive ahead of their predecessor wait in {@code parked_event}, also written here.
 *
 * <p>Every write ends by announcing the posts it changed ({@link AnnouncedChange}) with
 * {@code NOTIFY}, in the same transaction: PostgreSQL delivers the notices only if it commits, so
 * the live stream never tells of a change that was rolled back, and a duplicate event, which
 * changes nothing, is never announced.
 */
public class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ReadModelWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Serialises projection transactions that touch the same posts, for instance two instances
     * during a partition rebalance, or a parked event and the predecessor that frees it.
     * The locks are taken in one order (sorted keys), so two batches cannot deadlock.
     */
    public void lockPosts(Collection<UUID> postIds) {
        List<Long> keys = postIds.stream().map(ReadModelWriter::lockKey).distinct().sorted().toList();
        jdbc.sql("select count(pg_advisory_xact_lock(k)) from unnest(array[:keys]::bigint[]) as locks(k)")
                .param("keys", keys)
                .query(Long.class)
                .single();
    }

    public Set<UUID> postsWithParkedEvents(Collection<UUID> postIds) {
        return new HashSet<>(jdbc.sql("select distinct post_id from parked_event where post_id in (:ids)")
                .param("ids", postIds)
                .query(UUID.class)
                .list());
    }

    /**
     * Writes a transaction's merged changes: new posts, new comments, edited and removed comments,
     * then one update per stored post that sets its counters, message, removal and version.
     * A removed comment lowers its post's comment count only if it was still there.
     */
    public void write(PendingChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        insertPosts(changes.posts().stream().filter(post -> post.isNew).toList());
        batch("""
                insert into post_comment (id, post_id, username, comment, comment_date, edited, changed_version)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", changes.newComments(),
                (statement, comment) -> {
                    statement.setObject(1, comment.id);
                    statement.setObject(2, comment.postId);
                    statement.setString(3, comment.username);
                    statement.setString(4, comment.comment);
                    statement.setObject(5, utc(comment.commentDate));
                    statement.setBoolean(6, comment.edited);
                    statement.setLong(7, comment.changedVersion);
                });
        batch("update post_comment set comment = ?, edited = true, changed_version = ? where id = ? and post_id = ?",
                changes.editedComments(), (statement, comment) -> {
                    statement.setString(1, comment.comment);
                    statement.setLong(2, comment.changedVersion);
                    statement.setObject(3, comment.id);
                    statement.setObject(4, comment.postId);
                });
        Map<UUID, Integer> commentsDeleted = deleteComments(changes.removedComments());
        batch("""
                update post set likes = likes + ?, comment_count = comment_count + ?, message = coalesce(?, message),
                                removed = removed or ?, version = ?
                where id = ?""", changes.posts().stream().filter(post -> !post.isNew).toList(),
                (statement, post) -> {
                    statement.setLong(1, post.likesAdded);
                    statement.setInt(2, post.commentsAdded - commentsDeleted.getOrDefault(post.id, 0));
                    statement.setString(3, post.message);
                    statement.setBoolean(4, post.removed);
                    statement.setLong(5, post.version);
                    statement.setObject(6, post.id);
                });
        announce(changes.posts().stream().map(post -> post.id).toList());
    }

    /**
     * One statement for the whole batch, whatever its size: the rows as just written name the
     * version, the author (which an event after the first does not carry) and the removal.
     */
    private void announce(List<UUID> postIds) {
        jdbc.sql("""
                        select count(pg_notify(:channel, json_build_object(
                                'sequence', nextval('post_change_sequence'), 'id', id, 'version', version,
                                'author', author, 'removed', removed)::text))
                        from post where id in (:ids)""")
                .param("channel", AnnouncedChange.CHANNEL)
                .param("ids", postIds)
                .query(Long.class)
                .single();
    }

    private void insertPosts(List<PendingChanges.PostChange> posts) {
        batch("""
                insert into post (id, author, message, date_posted, likes, comment_count, version, removed)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", posts, (statement, post) -> {
            statement.setObject(1, post.id);
            statement.setString(2, post.author);
            statement.setString(3, post.message);
            statement.setObject(4, utc(post.datePosted));
            statement.setLong(5, post.likesAdded);
            statement.setInt(6, post.commentsAdded);
            statement.setLong(7, post.version);
            statement.setBoolean(8, post.removed);
        });
    }

    private Map<UUID, Integer> deleteComments(Map<UUID, UUID> removed) {
        List<Map.Entry<UUID, UUID>> comments = List.copyOf(removed.entrySet());
        int[][] deleted = batch("delete from post_comment where id = ? and post_id = ?", comments, (statement, comment) -> {
            statement.setObject(1, comment.getKey());
            statement.setObject(2, comment.getValue());
        });
        Map<UUID, Integer> deletedPerPost = new HashMap<>();
        int index = 0;
        for (int[] chunk : deleted) {
            for (int rows : chunk) {
                deletedPerPost.merge(comments.get(index++).getValue(), rows, Integer::sum);
            }
        }
        return deletedPerPost;
    }

    private <T> int[][] batch(String sql, Collection<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (rows.isEmpty()) {
            return new int[0][];
        }
        return jdbcTemplate.batchUpdate(sql, rows, rows.size(), setter);
    }

    public void park(UUID postId, long version, String envelope) {
        jdbc.sql("""
                        insert into parked_event (post_id, version, envelope) values (:postId, :version, :envelope)
                        on conflict (post_id, version) do nothing""")
                .param("postId", postId)
                .param("version", version)
                .param("envelope", envelope)
                .update();
    }

    /** The envelopes parked for a post from a version on, oldest first. */
    public List<String> parkedEnvelopes(UUID postId, long fromVersion) {
        return jdbc.sql("select envelope from parked_event where post_id = :postId and version >= :from order by version")
                .param("postId", postId)
                .param("from", fromVersion)
                .query(String.class)
                .list();
    }

    /** Forgets parked events that are applied now (or were duplicates of applied ones). */
    public void unpark(UUID postId, long upToVersion) {
        jdbc.sql("delete from parked_event where post_id = :postId and version <= :version")
                .param("postId", postId)
                .param("version", upToVersion)
                .update();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static long lockKey(UUID postId) {
        return postId.getMostSignificantBits() ^ postId.getLeastSignificantBits();
    }
}
