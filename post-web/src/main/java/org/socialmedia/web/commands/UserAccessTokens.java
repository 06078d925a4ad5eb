package org.socialmedia.web.commands;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The logged-in user's access token, from their session; refreshed at the provider first when it
 * has expired. Empty when there is none to be had (the refresh token expired or was revoked):
 * the user must log in again.
 */
final class UserAccessTokens {

    private final OAuth2AuthorizedClientManager authorizedClients;

    UserAccessTokens(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    Optional<String> of(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(login.getAuthorizedClientRegistrationId()).principal(login)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response).build();
        try {
            OAuth2AuthorizedClient client = authorizedClients.authorize(authorize);
            return Optional.ofNullable(client).map(authorized -> authorized.getAccessToken().getTokenValue());
        } catch (OAuth2AuthorizationException refreshRefused) {
            return Optional.empty();
        }
    }
}
