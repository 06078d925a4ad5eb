package org.socialmedia.devstack.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.socialmedia.devstack.e2e.Http.Response;

import static org.socialmedia.devstack.e2e.Http.object;

/** post-cmd's routes, as a frontend calls them. */
final class CommandApi {

    private final String posts;
    private final String baseUrl;

    CommandApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.posts = baseUrl + "/api/v1/posts";
    }

    Response createPost(String author, String message) {
        return Http.send("POST", posts, object("author", author, "message", message), null);
    }

    Response editMessage(UUID post, String username, String message) {
        return editMessage(post, username, message, null);
    }

    Response editMessage(UUID post, String username, String message, String ifMatch) {
        return Http.send("PUT", posts + "/" + post + "/message", object("username", username, "message", message), ifMatch);
    }

    Response like(UUID post, String username) {
        return Http.send("POST", posts + "/" + post + "/likes", object("username", username), null);
    }

    Response comment(UUID post, String username, String comment) {
        return Http.send("POST", posts + "/" + post + "/comments", object("username", username, "comment", comment), null);
    }

    Response editComment(UUID post, UUID comment, String username, String text) {
        return Http.send("PUT", posts + "/" + post + "/comments/" + comment, object("username", username, "comment", text), null);
    }

    Response removeComment(UUID post, UUID comment, String username) {
        return Http.send("DELETE", posts + "/" + post + "/comments/" + comment + "?username=" + encode(username), null, null);
    }

    Response deletePost(UUID post, String username) {
        return Http.send("DELETE", posts + "/" + post + "?username=" + encode(username), null, null);
    }

    Response replay() {
        return Http.send("POST", baseUrl + "/api/v1/admin/replay", null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
