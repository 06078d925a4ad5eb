package org.socialmedia.post.query.readmodel;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which visible posts a page shows, and at which version, without their content: one light
 * statement, no entities. The content of a post at a version never changes, so a lookup that
 * already holds a post at the listed version needs nothing more from the database.
 */
public class PostListing {

    /** A visible post at the version the read model holds. */
    public record Listed(UUID id, long version) {
    }

    /** One page of a listing and the number of posts in the whole listing. */
    public record ListedPage(List<Listed> posts, long total) {
    }

    private final JdbcClient jdbc;

    PostListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first, the id breaking ties so that pages never overlap or skip. The total comes
     * from the same statement, so it matches the page: the feed's and the commented posts' totals
     * are kept in {@code post_totals}, other filters are counted, as an uncorrelated sub-query
     * with its own plan, while the page itself reads only its rows from the index.
     */
    public ListedPage page(@Nullable String author, boolean withComments, @Nullable Long minLikes, long offset, int size) {
        String matching = matching(author, withComments, minLikes);
        String total = total(author, withComments, minLikes, matching);
        record Row(UUID id, long version, long total) {
        }
        List<Row> rows = jdbc.sql("select id, version, " + total + " as total"
                        + " from post where " + matching + " order by date_posted desc, id desc limit :size offset :offset")
                .param("author", author)
                .param("minLikes", minLikes)
                .param("size", size)
                .param("offset", offset)
                .query((result, rowNumber) -> new Row(result.getObject("id", UUID.class), result.getLong("version"),
                        result.getLong("total")))
                .list();
        if (rows.isEmpty()) {
            // Past the end (or nothing matches): no row carried the total.
            long all = offset == 0 ? 0 : jdbc.sql("select " + total)
                    .param("author", author)
                    .param("minLikes", minLikes)
                    .query(Long.class)
                    .single();
            return new ListedPage(List.of(), all);
        }
        return new ListedPage(rows.stream().map(row -> new Listed(row.id(), row.version())).toList(), rows.get(0).total());
    }

    /** The number of posts in the listing, as one scalar sub-query. */
    private static String total(@Nullable String author, boolean withComments, @Nullable Long minLikes, String matching) {
        if (author == null && minLikes == null) {
            return withComments ? "(select commented from post_totals)" : "(select visible from post_totals)";
        }
        return "(select count(*) from post where " + matching + ")";
    }

    /** Each condition matches one of the partial indexes of the {@code post} table. */
    private static String matching(@Nullable String author, boolean withComments, @Nullable Long minLikes) {
        StringBuilder where = new StringBuilder("not removed");
        if (author != null) {
            where.append(" and author = :author");
        }
        if (withComments) {
            where.append(" and comment_count > 0");
        }
        if (minLikes != null) {
            where.append(" and likes >= :minLikes");
        }
        return where.toString();
    }
}
