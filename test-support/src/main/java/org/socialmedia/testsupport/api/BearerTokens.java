package org.socialmedia.testsupport.api;

/**
 * Where a client gets the bearer token for a user: a test issuer, or an authorization server.
 * {@link CommandApi} asks it for the user each command names.
 */
public interface BearerTokens {

    /** A token that names this user and grants no scope. */
    String forUser(String username);

    /** A token that grants the scope of the administration routes. */
    String forAdmin();
}
