package org.socialmedia.post.query.lookup;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialmedia.post.query.readmodel.CommentView;
import org.socialmedia.post.query.readmodel.CommentViewRepository;
import org.socialmedia.post.query.readmodel.PostView;
import org.springframework.stereotype.Component;

/**
 * Joins posts with their comments using one query for all the posts, so a page costs the same
 * number of statements whatever its size (no query per post).
 */
@Component
class PostDetailsAssembler {

    private final CommentViewRepository comments;

    PostDetailsAssembler(CommentViewRepository comments) {
        this.comments = comments;
    }

    List<PostDetails> assemble(List<PostView> posts) {
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
