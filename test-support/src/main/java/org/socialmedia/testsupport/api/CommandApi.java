package org.socialmedia.testsupport.api;

import static org.socialmedia.testsupport.api.Http.object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * post-cmd's routes as a frontend calls them, one method per command of the contract, named as
 * the event it records. {@link #ifMatch} pins the commands to a version of the post.
 */
public final class CommandApi {

    private static final String POSTS = "/api/v1/posts";

    private final Http http;
    private final Map<String, String> headers;

    public CommandApi(String baseUrl) {
        this(new Http(baseUrl), Map.of());
    }

    private CommandApi(Http http, Map<String, String> headers) {
        this.http = http;
        this.headers = headers;
    }

    /** The same routes, each command sent with {@code If-Match: "version"}. */
    public CommandApi ifMatch(long version) {
        return new CommandApi(http, Map.of("If-Match", "\"" + version + "\""));
    }

    /** For requests no command method can express. */
    public Http http() {
        return http;
    }

    public Answer createPost(String author, String message) {
        return http.send("POST", POSTS, object("author", author, "message", message), headers);
    }

    public Answer updateMessage(UUID post, String username, String message) {
        return http.send("PUT", POSTS + "/" + post + "/message", object("username", username, "message", message), headers);
    }

    public Answer likePost(UUID post, String username) {
        return http.send("POST", POSTS + "/" + post + "/likes", object("username", username), headers);
    }

    public Answer addComment(UUID post, String username, String comment) {
        return http.send("POST", POSTS + "/" + post + "/comments", object("username", username, "comment", comment), headers);
    }

    public Answer updateComment(UUID post, UUID comment, String username, String text) {
        return http.send("PUT", POSTS + "/" + post + "/comments/" + comment, object("username", username, "comment", text), headers);
    }

    public Answer removeComment(UUID post, UUID comment, String username) {
        return http.send("DELETE", POSTS + "/" + post + "/comments/" + comment + "?username=" + encode(username), null, headers);
    }

    public Answer removePost(UUID post, String username) {
        return http.send("DELETE", POSTS + "/" + post + "?username=" + encode(username), null, headers);
    }

    /** Republishes every stored event, in order. */
    public Answer replay() {
        return http.send("POST", "/api/v1/admin/replay", null);
    }

    /** Republishes one post's events, in order. */
    public Answer replay(UUID post) {
        return http.send("POST", "/api/v1/admin/replay?postId=" + post, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
