package org.socialmedia.web.login;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, for the app to show their name and offer what they may do. Without a
 * session the security chain answers 401 before this runs.
 */
@RestController
class MeController {

    /** The scope of the services' admin endpoints; the provider grants it to admins only. */
    private static final String ADMIN_SCOPE = "posts.admin";

    record Me(String username, boolean admin) {
    }

    private final OAuth2AuthorizedClientRepository authorizedClients;

    MeController(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /**
     * The CSRF token is asked for so that its cookie is set with this answer: the app's first
     * change (a post, a like) then has it to send.
     */
    @GetMapping("/me")
    Me me(OAuth2AuthenticationToken login, CsrfToken csrf, HttpServletRequest request) {
        csrf.getToken();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        boolean admin = client != null
                && AccessTokenScopes.of(client.getAccessToken().getTokenValue()).contains(ADMIN_SCOPE);
        return new Me(login.getName(), admin);
    }
}
