package org.socialmedia.post.query.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialmedia.post.query.readmodel.CommentView;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostListing.Listed;
import org.socialmedia.post.query.readmodel.PostUpdates;
import org.socialmedia.post.query.readmodel.PostView;
import org.socialmedia.post.query.readmodel.PostViewRepository;

/**
 * Turns listed posts into posts with their comments: posts whose listed version was assembled
 * before come from {@link AssembledPosts}, the others are read with one query for their rows and
 * one for their comments (only the changed ones for posts assembled at an older version), so a
 * page costs the same few statements whatever its size.
 */
class PostDetailsAssembler {

    private static final Comparator<CommentDetails> OLDEST_FIRST = Comparator.comparing(CommentDetails::commentDate)
            .thenComparing(CommentDetails::id, PostDetailsAssembler::compareAsPostgres);

    private final PostViewRepository posts;
    private final CommentViewRepository comments;
    private final PostUpdates updates;
    private final AssembledPosts assembled;

    PostDetailsAssembler(PostViewRepository posts, CommentViewRepository comments, PostUpdates updates, AssembledPosts assembled) {
        this.posts = posts;
        this.comments = comments;
        this.updates = updates;
        this.assembled = assembled;
    }

    /** The posts, if every one of them was assembled before at exactly its listed version. */
    Optional<List<PostDetails>> fromMemory(List<Listed> listed) {
        List<PostDetails> known = new ArrayList<>(listed.size());
        for (Listed post : listed) {
            Optional<PostDetails> remembered = assembled.at(post.id(), post.version());
            if (remembered.isEmpty()) {
                return Optional.empty();
            }
            known.add(remembered.get());
        }
        return Optional.of(known);
    }

    /** The posts as listed; call it on the snapshot the listing was read from. */
    List<PostDetails> assemble(List<Listed> listed) {
        Map<UUID, PostDetails> byId = new HashMap<>();
        List<UUID> toAssemble = new ArrayList<>();
        for (Listed post : listed) {
            assembled.at(post.id(), post.version())
                    .ifPresentOrElse(known -> byId.put(known.id(), known), () -> toAssemble.add(post.id()));
        }
        for (PostDetails fresh : read(toAssemble)) {
            assembled.remember(fresh);
            byId.put(fresh.id(), fresh);
        }
        return listed.stream().map(post -> byId.get(post.id())).toList();
    }

    private List<PostDetails> read(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PostView> rows = posts.findByIdIn(ids);
        Map<UUID, List<CommentDetails>> commentsByPost = new HashMap<>(updatedComments(rows));
        List<UUID> readInFull = rows.stream().map(PostView::getId).filter(id -> !commentsByPost.containsKey(id)).toList();
        if (!readInFull.isEmpty()) {
            commentsByPost.putAll(comments.findByPostIdInOrderByCommentDateAscIdAsc(readInFull).stream()
                    .collect(Collectors.groupingBy(CommentView::getPostId,
                            Collectors.mapping(PostDetailsAssembler::details, Collectors.toList()))));
        }
        return rows.stream()
                .map(post -> details(post, commentsByPost.getOrDefault(post.getId(), List.of())))
                .toList();
    }

    /**
     * A post assembled here before, brought to its current version with one statement: its row
     * and the comments added or edited since. Empty if none was assembled, or if the post is gone
     * or lost a comment since (see {@link #merged}): only a full read answers those.
     */
    Optional<PostDetails> updated(UUID id) {
        Optional<PostDetails> older = assembled.latest(id);
        if (older.isEmpty()) {
            return Optional.empty();
        }
        PostDetails known = older.get();
        return updates.since(id, known.version())
                .filter(update -> !update.post().isRemoved())
                .flatMap(update -> update.post().getVersion() == known.version() ? older : broughtUpToDate(known, update));
    }

    private Optional<PostDetails> broughtUpToDate(PostDetails known, PostUpdates.Update update) {
        Optional<PostDetails> fresh = merged(known, update.post(), update.changedComments())
                .map(comments -> details(update.post(), comments));
        fresh.ifPresent(assembled::remember);
        return fresh;
    }

    /**
     * The comments of posts assembled before at an older version, brought up to date with only
     * the comments added or edited since: a liked post with thousands of comments costs its row
     * and nothing more.
     */
    private Map<UUID, List<CommentDetails>> updatedComments(List<PostView> rows) {
        Map<UUID, PostDetails> older = new HashMap<>();
        for (PostView row : rows) {
            assembled.latest(row.getId())
                    .filter(known -> known.version() < row.getVersion())
                    .ifPresent(known -> older.put(row.getId(), known));
        }
        if (older.isEmpty()) {
            return Map.of();
        }
        long since = older.values().stream().mapToLong(PostDetails::version).min().orElseThrow();
        Map<UUID, List<CommentView>> changed = comments.findByPostIdInAndChangedVersionGreaterThan(older.keySet(), since)
                .stream().collect(Collectors.groupingBy(CommentView::getPostId));
        Map<UUID, List<CommentDetails>> updated = new HashMap<>();
        for (PostView row : rows) {
            PostDetails known = older.get(row.getId());
            if (known != null) {
                merged(known, row, changed.getOrDefault(row.getId(), List.of()))
                        .ifPresent(comments -> updated.put(row.getId(), comments));
            }
        }
        return updated;
    }

    /**
     * The comments of a post assembled at an older version, with those changed since put in,
     * oldest first. Removed comments leave no row to find, so a post that lost a comment since (it
     * then counts fewer comments than were remembered plus added) is left to be read in full;
     * so is one whose row is older than what was assembled (a rebuild started again from 1).
     */
    private static Optional<List<CommentDetails>> merged(PostDetails known, PostView row, List<CommentView> changed) {
        if (known.version() > row.getVersion()) {
            return Optional.empty();
        }
        Map<UUID, CommentDetails> merged = new LinkedHashMap<>();
        known.comments().forEach(comment -> merged.put(comment.id(), comment));
        for (CommentView comment : changed) {
            if (comment.getChangedVersion() > known.version()) {
                merged.put(comment.getId(), details(comment));
            }
        }
        if (merged.size() != row.getCommentCount()) {
            return Optional.empty();
        }
        List<CommentDetails> oldestFirst = new ArrayList<>(merged.values());
        oldestFirst.sort(OLDEST_FIRST);
        return Optional.of(oldestFirst);
    }

    /** The order of the comments query: by date, then by id as PostgreSQL orders uuids (unsigned). */
    private static int compareAsPostgres(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }

    private static PostDetails details(PostView post, List<CommentDetails> comments) {
        return new PostDetails(post.getId(), post.getAuthor(), post.getMessage(), post.getDatePosted(), post.getLikes(),
                post.getVersion(), comments);
    }

    private static CommentDetails details(CommentView comment) {
        return new CommentDetails(comment.getId(), comment.getUsername(), comment.getComment(), comment.getCommentDate(),
                comment.isEdited());
    }
}
