package org.socialmedia.post.cmd.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who an authenticated request acts for: the token's configured claim, else its subject. Both the
 * controllers' {@link ActingUser} and the per-user rate limit read it here, so that a user is
 * limited under the very name their commands carry.
 */
final class ActingUsers {

    private final String usernameClaim;

    ActingUsers(String usernameClaim) {
        this.usernameClaim = usernameClaim;
    }

    /** The name is read from the token's claims rather than {@link Authentication#getName()}, which has no fallback when the claim is absent. */
    ActingUser of(Authentication authenticated) {
        return new ActingUser(nameOf(authenticated));
    }

    String nameOf(Authentication authenticated) {
        if (authenticated.getPrincipal() instanceof Jwt jwt) {
            String name = jwt.getClaimAsString(usernameClaim);
            if (name != null && !name.isBlank()) {
                return name;
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        // Another kind of authentication (a test's mock user) has nothing but its name.
        return authenticated.getName();
    }
}
