package org.socialmedia.post.cmd.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.domain.InvalidCommandException;

/**
 * What each text of a post accepts: the one definition of the text rules, kept by the aggregate
 * and checked by the HTTP edge too, so that a refusal names every offending field at once.
 *
 * <p>Text is what a person reads, so lengths count code points of the NFC form, and NFC is what
 * the events carry: a client that sends "e" and a combining accent gets exactly what one that
 * sends "é" gets, in the store, on the topic and in every lookup. Text that some store on the way
 * cannot hold as it is (PostgreSQL refuses NUL; an unpaired surrogate has no UTF-8 form) or that
 * is no text at all (control characters, non-characters) is refused rather than altered.
 */
public enum TextRule {

    AUTHOR("author", 64, false),
    USERNAME("username", 64, false),
    MESSAGE("message", 5000, true),
    COMMENT("comment", 2000, true);

    /** Unicode's White_Space property: no-break and ideographic spaces are blank too. */
    private static final Pattern BLANK = Pattern.compile("\\p{IsWhite_Space}*");

    private final String field;
    private final int maxLength;
    private final boolean allowsLineFeedAndTab;

    TextRule(String field, int maxLength, boolean allowsLineFeedAndTab) {
        this.field = field;
        this.maxLength = maxLength;
        this.allowsLineFeedAndTab = allowsLineFeedAndTab;
    }

    /** @return the most characters any text of a post may have */
    public static int longest() {
        int longest = 0;
        for (TextRule rule : values()) {
            longest = Math.max(longest, rule.maxLength);
        }
        return longest;
    }

    /**
     * @return the value in NFC, as the event carries it
     * @throws InvalidCommandException naming the field when the value breaks a rule
     */
    public String accept(@Nullable String value) {
        Optional<String> problem = problemWith(value);
        if (value == null || problem.isPresent()) {
            throw new InvalidCommandException(field, problem.orElseThrow());
        }
        return nfc(value);
    }

    /** @return what is wrong with the value, in words for the client, or nothing when it is accepted */
    public Optional<String> problemWith(@Nullable String value) {
        if (value == null) {
            return Optional.of("is required");
        }
        Optional<String> unreadable = firstUnreadableCharacter(value);
        if (unreadable.isPresent()) {
            return unreadable;
        }
        String text = nfc(value);
        if (BLANK.matcher(text).matches()) {
            return Optional.of("must not be blank");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        return Optional.empty();
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private Optional<String> firstUnreadableCharacter(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.CONTROL && !(allowsLineFeedAndTab && (c == '\n' || c == '\t'))) {
                return found(allowsLineFeedAndTab ? "must not contain control characters other than line feed and tab"
                        : "must not contain control characters", c);
            }
            if (Character.getType(c) == Character.SURROGATE) {
                return found("must not contain unpaired surrogates", c);
            }
            if (isNonCharacter(c)) {
                return found("must not contain Unicode non-characters", c);
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Code points Unicode reserves for a program's internal use, never for text that is exchanged. */
    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static Optional<String> found(String rule, int c) {
        return Optional.of(rule + " (found U+%04X)".formatted(c));
    }
}
