package org.socialmedia.post.cmd.security;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * The user a request acts for, as its token names them: the author of a new post, the user of a
 * like, comment or removal. A controller method takes it as a parameter.
 */
public record ActingUser(String name) {

    /**
     * Older clients still name the user in the body or the query. Such a name is accepted when it
     * is the token's (as the aggregate stores names, in NFC) and refused otherwise, so a client
     * cannot act for someone else, nor believe it did.
     *
     * @param field   the body field or query parameter that named a user, for the refusal
     * @param claimed the name it holds, or null when the client left it out
     * @throws NotTheActingUserException when the name is someone else's
     */
    public void confirm(String field, @Nullable String claimed) {
        if (claimed != null && !nfc(claimed).equals(nfc(name))) {
            throw new NotTheActingUserException(field);
        }
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }
}
