package org.socialmedia.testsupport.api;

import static org.socialmedia.testsupport.api.Http.object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * post-cmd's routes as a frontend calls them, one method per command of the contract, named as
 * the event it records. {@link #ifMatch} pins the commands to a version of the post. Given
 * {@link BearerTokens}, each command is sent with the token of the user it names (and the
 * administration routes with an admin's), the name staying in the body as older clients send it.
 */
public final class CommandApi {

    private static final String POSTS = "/api/v1/posts";

    private final Http http;
    private final Map<String, String> headers;
    private final BearerTokens tokens;

    /** Without tokens: every command goes out anonymous. */
    public CommandApi(String baseUrl) {
        this(new Http(baseUrl), Map.of(), null);
    }

    public CommandApi(String baseUrl, BearerTokens tokens) {
        this(new Http(baseUrl), Map.of(), tokens);
    }

    /** Over another transport than the JDK's client; see {@link Http.Transport}. */
    public CommandApi(String baseUrl, BearerTokens tokens, Http.Transport transport) {
        this(new Http(baseUrl, transport), Map.of(), tokens);
    }

    private CommandApi(Http http, Map<String, String> headers, BearerTokens tokens) {
        this.http = http;
        this.headers = headers;
        this.tokens = tokens;
    }

    /** The same routes, each command sent with {@code If-Match: "version"}. */
    public CommandApi ifMatch(long version) {
        return new CommandApi(http, Map.of("If-Match", "\"" + version + "\""), tokens);
    }

    /** For requests no command method can express. */
    public Http http() {
        return http;
    }

    /** For requests no command method can express, sent by this user. */
    public Http http(String user) {
        return tokens == null ? http : http.bearer(tokens.forUser(user));
    }

    /** For requests no command method can express, sent by an admin. */
    public Http adminHttp() {
        return tokens == null ? http : http.bearer(tokens.forAdmin());
    }

    public Answer createPost(String author, String message) {
        return http.send("POST", POSTS, object("author", author, "message", message), as(author));
    }

    public Answer updateMessage(UUID post, String username, String message) {
        return http.send("PUT", POSTS + "/" + post + "/message", object("username", username, "message", message), as(username));
    }

    public Answer likePost(UUID post, String username) {
        return http.send("POST", POSTS + "/" + post + "/likes", object("username", username), as(username));
    }

    public Answer addComment(UUID post, String username, String comment) {
        return http.send("POST", POSTS + "/" + post + "/comments", object("username", username, "comment", comment), as(username));
    }

    public Answer updateComment(UUID post, UUID comment, String username, String text) {
        return http.send("PUT", POSTS + "/" + post + "/comments/" + comment, object("username", username, "comment", text), as(username));
    }

    public Answer removeComment(UUID post, UUID comment, String username) {
        return http.send("DELETE", POSTS + "/" + post + "/comments/" + comment + "?username=" + encode(username), null, as(username));
    }

    public Answer removePost(UUID post, String username) {
        return http.send("DELETE", POSTS + "/" + post + "?username=" + encode(username), null, as(username));
    }

    /** Republishes every stored event, in order. */
    public Answer replay() {
        return http.send("POST", "/api/v1/admin/replay", null, asAdmin());
    }

    /** Republishes one post's events, in order. */
    public Answer replay(UUID post) {
        return http.send("POST", "/api/v1/admin/replay?postId=" + post, null, asAdmin());
    }

    /** The headers of a command sent by this user. */
    private Map<String, String> as(String user) {
        return tokens == null ? headers : Http.withBearer(headers, tokens.forUser(user));
    }

    private Map<String, String> asAdmin() {
        return tokens == null ? Map.of() : Http.withBearer(Map.of(), tokens.forAdmin());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
