package org.socialmedia.devstack.faults;

import java.util.UUID;

import org.socialmedia.devstack.faults.Http.Answer;

import static org.socialmedia.devstack.faults.Http.object;

/** The post-cmd routes the load uses, against one instance. */
final class CommandClient {

    private final String baseUrl;
    private final String posts;

    CommandClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.posts = baseUrl + "/api/v1/posts";
    }

    String baseUrl() {
        return baseUrl;
    }

    Answer createPost(String author, String message) {
        return Http.json("POST", posts, object("author", author, "message", message));
    }

    Answer like(UUID post, String username) {
        return Http.json("POST", posts + "/" + post + "/likes", object("username", username));
    }

    Answer comment(UUID post, String username, String comment) {
        return Http.json("POST", posts + "/" + post + "/comments", object("username", username, "comment", comment));
    }
}
