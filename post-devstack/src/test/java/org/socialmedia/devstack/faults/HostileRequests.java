package org.socialmedia.devstack.faults;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.socialmedia.devstack.tokens.StackSigningKey;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.Http;

import static org.socialmedia.testsupport.api.Http.object;

/**
 * Requests that no service may accept and none may answer with a 5xx: malformed and mistyped
 * JSON, oversized fields and bodies of megabytes, bad UUIDs, bad query parameters, wrong methods
 * and content types, unknown routes, requests by users who may not, stale and malformed
 * {@code If-Match}, hostile {@code Authorization} headers; against every route of both services.
 * Each request carries at least one defect, so that none can change anything. Commands carry the
 * token of the user they act as (alice's unless the request says), from the stack's provider, so
 * that each is refused for its defect and not merely for a missing token.
 */
final class HostileRequests {

    /** One request; {@code body} and {@code contentType} may be null. */
    record Request(Http service, String method, String path, String contentType, byte[] body, Map<String, String> headers) {

        Answer send() {
            return service.send(method, path, contentType, body, headers);
        }
    }

    private static final String POSTS = "/api/v1/posts";
    private static final String REPLAY = "/api/v1/admin/replay";

    private static final List<String> BAD_IDS = List.of("not-a-uuid", "123", "4c3a8d9e-7f21-4b6a-9a3e", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "%20", "null", "4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60-00");
    private static final List<String> NON_JSON_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/octet-stream", "image/png");
    private static final List<String> JSON_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json;charset=ISO-8859-1");
    private static final List<String> MALFORMED_JSON = List.of("{", "}", "nul", "[1,2", "{\"author\":", "{\"username\":\"a\" \"comment\":\"b\"}",
            "{\"username\":\"bob\",}", "\"just a string\"", "42", "[]", "{}}", "{\"username\":\"\\u00\"}", "\u0000\u0001\u0002",
            "{'username':'bob'}", "");
    private static final List<String> INVALID_BODIES = List.of(
            "{}",
            "{\"author\":42,\"message\":true,\"username\":7,\"comment\":1.5}",
            "{\"author\":[\"a\"],\"message\":{\"x\":1},\"username\":[],\"comment\":{}}",
            "{\"author\":null,\"message\":null,\"username\":null,\"comment\":null}",
            "{\"author\":\"\",\"message\":\"\",\"username\":\"\",\"comment\":\"\"}",
            "{\"author\":\"   \",\"message\":\"\\t\",\"username\":\" \",\"comment\":\"\\n\"}",
            "{\"author\":\"" + "a".repeat(65) + "\",\"message\":\"" + "m".repeat(5001) + "\",\"username\":\"" + "u".repeat(65)
                    + "\",\"comment\":\"" + "c".repeat(2001) + "\"}",
            "{\"author\":true,\"message\":false,\"username\":false,\"comment\":true}");
    /**
     * Text that cannot be stored faithfully in every store and on the wire, as JSON string
     * contents (escapes kept, so that lone surrogates travel as the client wrote them).
     */
    private static final List<String> UNSTORABLE_TEXT = List.of("x\\u0000y", "\\u0000", "a\\u0007b", "line\\rfeed", "\\u001b[31mred",
            "\\u0085next", "\\ud800", "lone \\udfff low", "\\uffff", "\\ufdd0", "\\ufffe", "\\ud83f\\udffe");
    /** Names take no control characters at all, not even the line feed and tab a message may hold. */
    private static final List<String> UNSTORABLE_NAMES = List.of("ali\\nce", "\\tbob", "carol\\u0000", "\\u00a0\\u3000",
            "\\ud83d\\ude00".repeat(65));
    private static final List<String> BAD_USERNAME_PARAMS = List.of("", "?username=", "?username=%20%20", "?username=" + "u".repeat(65),
            "?user=alice", "?username");
    private static final List<String> BAD_LIST_PARAMS = List.of("page=-1", "page=abc", "page=1.5", "page=99999999999", "size=0",
            "size=101", "size=-3", "size=abc", "size=99999999999", "minLikes=-1", "minLikes=abc", "minLikes=1e3",
            "minLikes=99999999999999999999", "withComments=maybe", "withComments=2");
    private static final List<String> BAD_MIN_VERSIONS = List.of("0", "-5", "abc", "1.5", "99999999999999999999", "", "%00");
    private static final List<String> OTHER_METHODS = List.of("GET", "PUT", "DELETE", "PATCH");

    private final CommandApi commands;
    private final Http lookups;
    private final UUID post;
    private final UUID comment;
    private final List<String> hostileAuthorizations;
    private final List<Function<Random, Request>> kinds;

    /**
     * @param post       an existing post of alice's
     * @param comment    an existing comment of carol's on it
     * @param stolenKey  the stack's signing key, for valid tokens naming users no provider should
     */
    HostileRequests(CommandApi commands, Http lookups, UUID post, UUID comment, StackSigningKey stolenKey) {
        this.commands = commands;
        this.lookups = lookups;
        this.post = post;
        this.comment = comment;
        // Without the oversized header: Tomcat answers it before the application (see hostileAuthorizations).
        this.hostileAuthorizations = hostileAuthorizations(stolenKey).entrySet().stream()
                .filter(header -> !header.getKey().equals(OVERSIZED)).map(Map.Entry::getValue).toList();
        this.kinds = List.of(this::invalidBody, this::nonJsonContentType, this::badPathIds, this::notPermitted,
                this::staleOrMalformedIfMatch, this::badDeleteParameters, this::wrongMethodOnCommands, this::unknownRoute,
                this::badListParameters, this::badLookupIds, this::badMinVersion, this::wrongMethodOnLookups, this::hugeBody,
                this::unstorableText, this::hostileAuthorization);
    }

    static final String OVERSIZED = "a 10 KB token";

    /**
     * {@code Authorization} headers no command may be accepted with, by what is wrong with them:
     * none names a user who could act, or the user it names is one no service may accept.
     * {@link #OVERSIZED} exceeds the server's limit on a request's headers (8 KB), so Tomcat refuses
     * it with its own 400 page before any filter of the application runs: a 4xx, but not problem
     * details.
     */
    static Map<String, String> hostileAuthorizations(StackSigningKey stolenKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("empty", "");
        headers.put("the scheme alone", "Bearer");
        headers.put("the scheme and blanks", "Bearer    ");
        headers.put("garbage", "Bearer not-a-jwt");
        headers.put("three garbage parts", "Bearer aaa.bbb.ccc");
        headers.put(OVERSIZED, "Bearer " + "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(10_240) + ".sig");
        headers.put("two tokens", "Bearer " + TestIssuer.foreign("alice") + " " + TestIssuer.foreign("bob"));
        headers.put("another scheme", "Basic YWxpY2U6YWxpY2U=");
        headers.put("alice forged, signed with another key", "Bearer " + TestIssuer.foreign("alice"));
        headers.put("expired", "Bearer " + stolenKey.expired("alice"));
        headers.put("unsigned (alg none)", "Bearer " + stolenKey.unsigned("alice"));
        headers.put("a NUL in the user name", "Bearer " + stolenKey.sign("ali" + (char) 0 + "ce", claims -> claims));
        headers.put("a line feed in the user name", "Bearer " + stolenKey.sign("bob" + (char) 10 + "admin", claims -> claims));
        headers.put("an escape sequence as the user name", "Bearer " + stolenKey.sign((char) 27 + "[31mred", claims -> claims));
        headers.put("65 letters as the user name", "Bearer " + stolenKey.sign("u".repeat(65), claims -> claims));
        headers.put("65 emoji as the user name", "Bearer " + stolenKey.sign(Character.toString(0x1F600).repeat(65), claims -> claims));
        headers.put("a blank user name", "Bearer " + stolenKey.sign("   ", claims -> claims));
        return headers;
    }

    Request next(Random random) {
        return pick(random, kinds).apply(random);
    }

    /** Every command route with a body that is malformed, mistyped, blank or too long. */
    private Request invalidBody(Random random) {
        String body = random.nextBoolean() ? pick(random, MALFORMED_JSON) : pick(random, INVALID_BODIES);
        return withBody(random, pick(random, JSON_TYPES), bytes(body));
    }

    private Request nonJsonContentType(Random random) {
        String body = pick(random, List.of(validBody(), pick(random, MALFORMED_JSON), "username=%zz&message=%"));
        return withBody(random, pick(random, List.of(pick(random, NON_JSON_TYPES), "application/json; charset=klingon")), bytes(body));
    }

    private Request badPathIds(Random random) {
        String id = random.nextBoolean() ? pick(random, BAD_IDS) : UUID.randomUUID().toString();
        String commentId = random.nextBoolean() ? pick(random, BAD_IDS) : UUID.randomUUID().toString();
        return switch (random.nextInt(6)) {
            case 0 -> command("PUT", POSTS + "/" + id + "/message", "application/json", bytes(validBody()));
            case 1 -> command("POST", POSTS + "/" + id + "/likes", "application/json", bytes(validBody()));
            case 2 -> command("POST", POSTS + "/" + id + "/comments", "application/json", bytes(validBody()));
            case 3 -> command("PUT", POSTS + "/" + post + "/comments/" + commentId, "application/json", bytes(validBody()));
            case 4 -> commandAs("carol", "DELETE", POSTS + "/" + post + "/comments/" + commentId + "?username=carol", null, null,
                    Map.of());
            default -> command("DELETE", POSTS + "/" + id + "?username=alice", null, null);
        };
    }

    /** Valid requests by users who may not: 403, nothing stored. */
    private Request notPermitted(Random random) {
        String intruder = pick(random, List.of("bob", "mallory", "Alice", "carol-not"));
        Map<String, String> none = Map.of();
        return switch (random.nextInt(5)) {
            case 0 -> commandAs(intruder, "PUT", POSTS + "/" + post + "/message", "application/json",
                    bytes(object("username", intruder, "message", "mine now")), none);
            case 1 -> commandAs(intruder, "PUT", POSTS + "/" + post + "/comments/" + comment, "application/json",
                    bytes(object("username", intruder, "comment", "mine now")), none);
            case 2 -> commandAs(intruder, "DELETE", POSTS + "/" + post + "/comments/" + comment + "?username=" + intruder, null, null,
                    none);
            case 3 -> commandAs(intruder, "POST", REPLAY, null, null, none);
            default -> commandAs(intruder, "DELETE", POSTS + "/" + post + "?username=" + intruder, null, null, none);
        };
    }

    /** Otherwise valid commands on the existing post, pinned to a version it is not at, or with an If-Match that is no version. */
    private Request staleOrMalformedIfMatch(Random random) {
        String ifMatch = pick(random, List.of("\"999\"", "\"0\"", "W/\"12345\"", "3", "\"abc\"", "\"-1\"", "\"99999999999999999999\"", "\"\""));
        Map<String, String> headers = Map.of("If-Match", ifMatch);
        return switch (random.nextInt(5)) {
            case 0 -> command("PUT", POSTS + "/" + post + "/message", "application/json",
                    bytes(object("username", "alice", "message", "edited")), headers);
            case 1 -> {
                String fan = "fan-" + random.nextInt(100);
                yield commandAs(fan, "POST", POSTS + "/" + post + "/likes", "application/json", bytes(object("username", fan)), headers);
            }
            case 2 -> commandAs("fan", "POST", POSTS + "/" + post + "/comments", "application/json",
                    bytes(object("username", "fan", "comment", "hi")), headers);
            case 3 -> commandAs("carol", "PUT", POSTS + "/" + post + "/comments/" + comment, "application/json",
                    bytes(object("username", "carol", "comment", "edited")), headers);
            default -> command("DELETE", POSTS + "/" + post + "?username=alice", null, null, headers);
        };
    }

    /**
     * Sent by bob, who wrote neither the post nor the comment: without a username, a command acts
     * as its token's user, so a missing or ignored parameter would not be a defect for their authors.
     */
    private Request badDeleteParameters(Random random) {
        String query = pick(random, BAD_USERNAME_PARAMS);
        return random.nextBoolean()
                ? commandAs("bob", "DELETE", POSTS + "/" + post + query, null, null, Map.of())
                : commandAs("bob", "DELETE", POSTS + "/" + post + "/comments/" + comment + query, null, null, Map.of());
    }

    private Request wrongMethodOnCommands(Random random) {
        String path = pick(random, List.of(POSTS, POSTS + "/" + post, POSTS + "/" + post + "/message",
                POSTS + "/" + post + "/likes", POSTS + "/" + post + "/comments",
                POSTS + "/" + post + "/comments/" + comment, REPLAY));
        String method = pick(random, List.of("GET", "PATCH", "PUT", "DELETE", "POST"));
        if (allowed(path, method)) {
            method = "PATCH";
        }
        return random.nextBoolean() ? command(method, path, null, null)
                : command(method, path, "application/json", bytes(validBody()));
    }

    private boolean allowed(String route, String method) {
        return switch (method) {
            case "POST" -> route.equals("/api/v1/posts") || route.endsWith("/likes") || route.endsWith("/comments")
                    || route.equals("/api/v1/admin/replay");
            case "PUT" -> route.endsWith("/message") || route.contains("/comments/");
            case "DELETE" -> route.contains("/comments/") || route.equals("/api/v1/posts/" + post);
            default -> false;
        };
    }

    private Request unknownRoute(Random random) {
        Http service = random.nextBoolean() ? commands.http("alice") : lookups;
        String path = pick(random, List.of("/api/v1/postz", "/api/v2/posts", "/api/v1/posts/" + post + "/likes/extra",
                "/api/v1/posts/" + post + "/shares", "/api/v1/admin", "/api/v1/admin/replay/now", "/api", "/api/v1/posts/" + post + "/comments/"
                        + comment + "/likes"));
        String method = pick(random, List.of("GET", "POST", "PUT", "DELETE"));
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        return new Request(service, method, path, withBody ? "application/json" : null, withBody ? bytes(validBody()) : null, Map.of());
    }

    private Request badListParameters(Random random) {
        String query = pick(random, BAD_LIST_PARAMS);
        String valid = pick(random, List.of("author=alice", "withComments=true", "minLikes=0", "page=0", "size=5"));
        if (random.nextBoolean() && !valid.startsWith(query.substring(0, query.indexOf('=') + 1))) {
            query = valid + "&" + query;
        }
        return lookup("GET", POSTS + "?" + query, null, null);
    }

    private Request badLookupIds(Random random) {
        String id = random.nextBoolean() ? pick(random, BAD_IDS) : UUID.randomUUID().toString();
        return lookup("GET", POSTS + "/" + id, null, null);
    }

    private Request badMinVersion(Random random) {
        String id = random.nextInt(4) == 0 ? pick(random, BAD_IDS) : post.toString();
        return lookup("GET", POSTS + "/" + id + "?minVersion=" + pick(random, BAD_MIN_VERSIONS), null, null);
    }

    private Request wrongMethodOnLookups(Random random) {
        String path = random.nextBoolean() ? POSTS : POSTS + "/" + post;
        String method = pick(random, List.of("POST", "PUT", "DELETE", "PATCH"));
        return switch (random.nextInt(3)) {
            case 0 -> lookup(method, path, null, null);
            case 1 -> lookup(method, path, "application/json", bytes(validBody()));
            default -> lookup(method, path, "application/x-www-form-urlencoded", bytes("username=%zz&" + pick(random, MALFORMED_JSON)));
        };
    }

    /** One to three megabytes: a JSON field far over its limit, or no JSON at all. */
    private Request hugeBody(Random random) {
        int size = 1_000_000 + random.nextInt(2_000_001);
        byte[] body;
        if (random.nextBoolean()) {
            String huge = "x".repeat(size / 4);
            body = bytes("{\"author\":\"" + huge + "\",\"username\":\"" + huge + "\",\"message\":\"" + huge + "\",\"comment\":\"" + huge + "\"}");
        } else {
            body = new byte[size];
            random.nextBytes(body);
        }
        return withBody(random, random.nextBoolean() ? "application/json" : pick(random, NON_JSON_TYPES), body);
    }

    /**
     * Commands whose text no store could hold as sent (a NUL, a control character, a lone
     * surrogate, a non-character, too many code points): refused at the edge, never stored.
     * Every text field a route reads is unstorable, so that none of them can be accepted.
     */
    private Request unstorableText(Random random) {
        String text = pick(random, UNSTORABLE_TEXT);
        String name = pick(random, UNSTORABLE_NAMES);
        String body = "{\"author\":\"" + name + "\",\"username\":\"" + name + "\",\"message\":\"" + text
                + "\",\"comment\":\"" + text + "\"}";
        if (random.nextInt(4) == 0) {
            String query = "?username=" + pick(random, List.of("ali%00ce", "bob%0A", "%C2%85", "%EF%BF%BF", "carol%09"));
            return random.nextBoolean()
                    ? command("DELETE", POSTS + "/" + post + query, null, null)
                    : command("DELETE", POSTS + "/" + post + "/comments/" + comment + query, null, null);
        }
        return withBody(random, "application/json", bytes(body));
    }

    /**
     * A command that a valid token of alice's would have stored (its body names nobody, so the
     * acting user comes from the token alone), sent with a hostile {@code Authorization} header.
     */
    private Request hostileAuthorization(Random random) {
        Map<String, String> headers = Map.of("Authorization", pick(random, hostileAuthorizations));
        return switch (random.nextInt(3)) {
            case 0 -> new Request(commands.http(), "POST", POSTS, "application/json", bytes(object("message", "hello")), headers);
            case 1 -> new Request(commands.http(), "POST", POSTS + "/" + post + "/comments", "application/json",
                    bytes(object("comment", "hi")), headers);
            default -> new Request(commands.http(), "POST", REPLAY, null, null, headers);
        };
    }

    private Request withBody(Random random, String contentType, byte[] body) {
        return switch (random.nextInt(5)) {
            case 0 -> command("POST", POSTS, contentType, body);
            case 1 -> command("PUT", POSTS + "/" + post + "/message", contentType, body);
            // A post that does not exist: a like's body may leave the user out, so {} or nulls are a valid like of alice's.
            case 2 -> command("POST", POSTS + "/" + UUID.randomUUID() + "/likes", contentType, body);
            case 3 -> command("POST", POSTS + "/" + post + "/comments", contentType, body);
            default -> command("PUT", POSTS + "/" + post + "/comments/" + comment, contentType, body);
        };
    }

    private Request command(String method, String path, String contentType, byte[] body) {
        return command(method, path, contentType, body, Map.of());
    }

    private Request command(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return commandAs("alice", method, path, contentType, body, headers);
    }

    private Request commandAs(String user, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return new Request(commands.http(user), method, path, contentType, body, headers);
    }

    private Request lookup(String method, String path, String contentType, byte[] body) {
        return new Request(lookups, method, path, contentType, body, Map.of());
    }

    /** A body every command route would accept if nothing else were wrong. */
    private static String validBody() {
        return object("author", "alice", "message", "hello", "username", "alice", "comment", "hi");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
