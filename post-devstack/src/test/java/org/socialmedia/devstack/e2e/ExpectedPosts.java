package org.socialmedia.devstack.e2e;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.socialmedia.devstack.e2e.SessionStep.AddComment;
import org.socialmedia.devstack.e2e.SessionStep.AtTheSameMoment;
import org.socialmedia.devstack.e2e.SessionStep.CreatePost;
import org.socialmedia.devstack.e2e.SessionStep.LikePost;
import org.socialmedia.devstack.e2e.SessionStep.RemoveComment;
import org.socialmedia.devstack.e2e.SessionStep.RemovePost;
import org.socialmedia.devstack.e2e.SessionStep.UpdateComment;
import org.socialmedia.devstack.e2e.SessionStep.UpdateMessage;

/**
 * What the contract says a session leads to, computed without the services: a fold of the
 * session's steps. Each step's {@link Outcome} is what the client must be answered; the posts at
 * the end are what the lookups must show.
 */
final class ExpectedPosts {

    enum Outcome {
        /** 2xx with the next version. */
        APPLIED,
        /** 200 with the unchanged version (a second like by the same user). */
        UNCHANGED,
        /** 403: not the author. */
        FORBIDDEN,
        /** 410: the post is removed. */
        GONE
    }

    static final class Post {
        final String author;
        String message;
        final Set<String> likedBy = new LinkedHashSet<>();
        /** Comments by name, in the order they were added: oldest first, as the lookups list them. */
        final Map<String, Comment> comments = new LinkedHashMap<>();
        long version = 1;
        boolean removed;

        Post(String author, String message) {
            this.author = author;
            this.message = message;
        }
    }

    record Comment(String username, String text, boolean edited) {
    }

    /** Posts by name, in the order they were created. */
    private final Map<String, Post> posts = new LinkedHashMap<>();

    Map<String, Post> posts() {
        return posts;
    }

    Outcome apply(SessionStep step) {
        if (step instanceof CreatePost create) {
            posts.put(create.post(), new Post(create.author(), create.message()));
            return Outcome.APPLIED;
        }
        if (step instanceof AtTheSameMoment together) {
            together.steps().forEach(this::apply);
            return Outcome.APPLIED;
        }
        Post post = posts.get(postOf(step));
        if (post.removed) {
            return Outcome.GONE;
        }
        if (step instanceof UpdateMessage edit) {
            return ifAllowed(post, edit.username().equals(post.author), () -> post.message = edit.message());
        }
        if (step instanceof LikePost like) {
            return post.likedBy.add(like.username()) ? next(post) : Outcome.UNCHANGED;
        }
        if (step instanceof AddComment add) {
            post.comments.put(add.comment(), new Comment(add.username(), add.text(), false));
            return next(post);
        }
        if (step instanceof UpdateComment edit) {
            Comment comment = post.comments.get(edit.comment());
            return ifAllowed(post, edit.username().equals(comment.username()),
                    () -> post.comments.put(edit.comment(), new Comment(comment.username(), edit.text(), true)));
        }
        if (step instanceof RemoveComment remove) {
            Comment comment = post.comments.get(remove.comment());
            return ifAllowed(post, remove.username().equals(comment.username()), () -> post.comments.remove(remove.comment()));
        }
        RemovePost delete = (RemovePost) step;
        return ifAllowed(post, delete.username().equals(post.author), () -> post.removed = true);
    }

    static String postOf(SessionStep step) {
        if (step instanceof CreatePost s) {
            return s.post();
        } else if (step instanceof UpdateMessage s) {
            return s.post();
        } else if (step instanceof LikePost s) {
            return s.post();
        } else if (step instanceof AddComment s) {
            return s.post();
        } else if (step instanceof UpdateComment s) {
            return s.post();
        } else if (step instanceof RemoveComment s) {
            return s.post();
        } else if (step instanceof RemovePost s) {
            return s.post();
        }
        throw new IllegalArgumentException("a step on several posts: " + step);
    }

    private static Outcome ifAllowed(Post post, boolean allowed, Runnable change) {
        if (!allowed) {
            return Outcome.FORBIDDEN;
        }
        change.run();
        return next(post);
    }

    private static Outcome next(Post post) {
        post.version++;
        return Outcome.APPLIED;
    }

    /** Names of the posts that are not removed, in creation order. */
    List<String> visible() {
        return posts.entrySet().stream().filter(e -> !e.getValue().removed).map(Map.Entry::getKey).toList();
    }
}
