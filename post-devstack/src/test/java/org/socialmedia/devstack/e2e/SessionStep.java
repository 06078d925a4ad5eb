package org.socialmedia.devstack.e2e;

import java.util.List;

/**
 * One user action in a scripted session. Posts and comments are named by the script
 * ({@code "alice-run"}), because their ids only exist once the services have answered.
 */
sealed interface SessionStep {

    record CreatePost(String post, String author, String message) implements SessionStep {
    }

    record UpdateMessage(String post, String username, String message) implements SessionStep {
    }

    record LikePost(String post, String username) implements SessionStep {
    }

    record AddComment(String comment, String post, String username, String text) implements SessionStep {
    }

    record UpdateComment(String comment, String post, String username, String text) implements SessionStep {
    }

    record RemoveComment(String comment, String post, String username) implements SessionStep {
    }

    record RemovePost(String post, String username) implements SessionStep {
    }

    /** Steps sent all at once, as many phones would; they must not change each other's outcome. */
    record AtTheSameMoment(List<SessionStep> steps) implements SessionStep {
    }
}
