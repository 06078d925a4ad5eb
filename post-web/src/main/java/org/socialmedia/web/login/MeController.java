package org.socialmedia.web.login;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, for the app to show their name and offer what they may do. Without a
 * session the security chain answers 401 before this runs.
 */
@RestController
class MeController {

    /** The access token's scopes become {@code SCOPE_} authorities at the login; the provider grants this one to admins only. */
    private static final String ADMIN_AUTHORITY = "SCOPE_posts.admin";

    record Me(String username, boolean admin) {
    }

    /**
     * The CSRF token is asked for so that its cookie is set with this answer: the app's first
     * change (a post, a like) then has it to send.
     */
    @GetMapping("/me")
    Me me(OAuth2AuthenticationToken login, CsrfToken csrf) {
        csrf.getToken();
        boolean admin = login.getAuthorities().stream()
                .anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return new Me(login.getName(), admin);
    }
}
