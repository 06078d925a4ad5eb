package org.socialmedia.devauth.token;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The issuer to write into a dev token: the configured one, or else the one the authorization
 * server itself derives from the request's host when none is configured, so that both kinds of
 * tokens always name the same issuer.
 */
final class Issuer {

    private final AuthorizationServerSettings settings;

    Issuer(AuthorizationServerSettings settings) {
        this.settings = settings;
    }

    String of(HttpServletRequest request) {
        String configured = settings.getIssuer();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
