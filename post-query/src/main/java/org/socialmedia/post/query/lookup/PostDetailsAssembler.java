package org.socialmedia.post.query.lookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialmedia.post.query.readmodel.CommentView;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostView;
import org.springframework.stereotype.Component;

/**
 * Joins posts with their comments: posts whose version was assembled before come from
 * {@link AssembledPosts}, the others get their comments from one query for all of them, so a
 * page costs the same number of statements whatever its size (no query per post).
 */
@Component
class PostDetailsAssembler {

    private final CommentViewRepository comments;
    private final AssembledPosts assembled;

    PostDetailsAssembler(CommentViewRepository comments, AssembledPosts assembled) {
        this.comments = comments;
        this.assembled = assembled;
    }

    List<PostDetails> assemble(List<PostView> posts) {
        Map<UUID, PostDetails> byId = new HashMap<>();
        List<PostView> toAssemble = new ArrayList<>();
        for (PostView post : posts) {
            assembled.at(post.getId(), post.getVersion())
                    .ifPresentOrElse(known -> byId.put(known.id(), known), () -> toAssemble.add(post));
        }
        for (PostDetails fresh : withComments(toAssemble)) {
            assembled.remember(fresh);
            byId.put(fresh.id(), fresh);
        }
        return posts.stream().map(post -> byId.get(post.getId())).toList();
    }

    private List<PostDetails> withComments(List<PostView> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = posts.stream().map(PostView::getId).toList();
        Map<UUID, List<CommentDetails>> commentsByPost = comments.findByPostIdInOrderByCommentDateAscIdAsc(ids).stream()
                .collect(Collectors.groupingBy(CommentView::getPostId,
                        Collectors.mapping(PostDetailsAssembler::details, Collectors.toList())));
        return posts.stream()
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
