package org.socialmedia.post.query.lookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialmedia.post.query.readmodel.CommentView;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostListing.Listed;
import org.socialmedia.post.query.readmodel.PostView;
import org.socialmedia.post.query.readmodel.PostViewRepository;
import org.springframework.stereotype.Component;

/**
 * Turns listed posts into posts with their comments: posts whose listed version was assembled
 * before come from {@link AssembledPosts}, the others are read with one query for their rows and
 * one for all their comments, so a page costs the same number of statements whatever its size.
 */
@Component
class PostDetailsAssembler {

    private final PostViewRepository posts;
    private final CommentViewRepository comments;
    private final AssembledPosts assembled;

    PostDetailsAssembler(PostViewRepository posts, CommentViewRepository comments, AssembledPosts assembled) {
        this.posts = posts;
        this.comments = comments;
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
        Map<UUID, List<CommentDetails>> commentsByPost = comments.findByPostIdInOrderByCommentDateAscIdAsc(ids).stream()
                .collect(Collectors.groupingBy(CommentView::getPostId,
                        Collectors.mapping(PostDetailsAssembler::details, Collectors.toList())));
        return posts.findByIdIn(ids).stream()
                .map(post -> details(post, commentsByPost.getOrDefault(post.getId(), List.of())))
                .toList();
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
