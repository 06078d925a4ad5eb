package org.socialmedia.devauth.server;

import java.util.Set;

import org.socialmedia.devauth.users.AdminScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Gives the tokens of the authorization code flow what the services read: the acting user as
 * {@code preferred_username} (Spring Authorization Server puts only {@code sub} in), and
 * {@link AdminScope#NAME} in {@code scope} for admins only.
 */
final class UsernameClaim implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String PREFERRED_USERNAME = "preferred_username";

    @Override
    public void customize(JwtEncodingContext context) {
        Authentication user = context.getPrincipal();
        context.getClaims().claim(PREFERRED_USERNAME, user.getName());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            Set<String> scopes = AdminScope.grantable(context.getAuthorizedScopes(), user.getAuthorities());
            context.getClaims().claim("scope", scopes);
        }
    }
}
