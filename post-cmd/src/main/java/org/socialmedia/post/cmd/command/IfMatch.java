package org.socialmedia.post.cmd.command;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.domain.InvalidCommandException;

/**
 * The {@code If-Match} request header as an expected post version. ETags are the version in
 * quotes ({@code "7"}); a weak tag is accepted the same way, {@code *} or no header means any
 * version.
 */
final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    static OptionalLong expectedVersion(@Nullable String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidCommandException("If-Match", "must be a version in quotes, like \"3\"");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}
