package org.socialmedia.post.query.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A post's row with only the comments added or edited after a given version: what a lookup that
 * assembled the post at that version needs to bring it up to date. It is one statement, so it
 * reads one snapshot without a transaction around it: one round trip to PostgreSQL where a
 * repeatable-read transaction costs several, each of them a wait for the cores while the
 * projection applies a backlog.
 */
public class PostUpdates {

    /** The post's row as it is now, and its comments changed after the version asked about, in no order. */
    public record Update(PostView post, List<CommentView> changedComments) {
    }

    private static final String SINCE = """
            select p.id, p.author, p.message, p.date_posted, p.likes, p.comment_count, p.version, p.removed,
                   c.id as comment_id, c.username, c.comment, c.comment_date, c.edited, c.changed_version
            from post p left join post_comment c on c.post_id = p.id and c.changed_version > :version
            where p.id = :id""";

    private final JdbcClient jdbc;

    PostUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty if the read model has no such post; a removed post is returned, with its row saying so. */
    public Optional<Update> since(UUID postId, long version) {
        List<PostView> post = new ArrayList<>(1);
        List<CommentView> changed = new ArrayList<>();
        jdbc.sql(SINCE).param("id", postId).param("version", version).query(row -> {
            if (post.isEmpty()) {
                post.add(post(row));
            }
            UUID commentId = row.getObject("comment_id", UUID.class);
            if (commentId != null) {
                changed.add(comment(row, commentId, postId));
            }
        });
        return post.stream().findFirst().map(found -> new Update(found, List.copyOf(changed)));
    }

    private static PostView post(ResultSet row) throws SQLException {
        return new PostView(row.getObject("id", UUID.class), row.getString("author"), row.getString("message"),
                instant(row, "date_posted"), row.getLong("likes"), row.getInt("comment_count"), row.getLong("version"),
                row.getBoolean("removed"));
    }

    private static CommentView comment(ResultSet row, UUID commentId, UUID postId) throws SQLException {
        return new CommentView(commentId, postId, row.getString("username"), row.getString("comment"),
                instant(row, "comment_date"), row.getBoolean("edited"), row.getLong("changed_version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
