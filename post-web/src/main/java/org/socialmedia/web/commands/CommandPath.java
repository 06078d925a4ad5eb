package org.socialmedia.web.commands;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which of the app's requests may reach post-cmd, and at which path: the post commands only
 * ({@code /cmd/api/v1/posts}, then at most three plain segments: ids, {@code message},
 * {@code likes}, {@code comments}). The path is checked as the browser sent it, before any
 * decoding, so that no encoded slash, dot or other character can make it name another route
 * (the admin routes among them).
 */
final class CommandPath {

    static final String PREFIX = "/cmd";

    private static final Pattern POST_COMMAND = Pattern.compile("/api/v1/posts(?:/[A-Za-z0-9_-]{1,64}){0,3}");
    /** The commands' only query parameter is {@code username}: plain URL-encoded text. */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~%+=&-]*");

    private CommandPath() {
    }

    /** post-cmd's path and query for the request's raw path and query, or empty if it names no post command. */
    static Optional<String> of(String rawPath, @Nullable String rawQuery) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String path = rawPath.substring(PREFIX.length());
        if (!POST_COMMAND.matcher(path).matches()) {
            return Optional.empty();
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(path);
        }
        return QUERY.matcher(rawQuery).matches() ? Optional.of(path + "?" + rawQuery) : Optional.empty();
    }
}
