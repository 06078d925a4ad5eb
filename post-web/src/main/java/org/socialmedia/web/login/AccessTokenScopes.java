package org.socialmedia.web.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scopes an access token really carries, read from its claims. The token response's own
 * {@code scope} may name more than the token holds (a provider may trim a scope the user may not
 * have from the token alone), and the token is what the services check. The token came straight
 * from the provider's token endpoint, so it is read, not verified; the services verify it.
 */
final class AccessTokenScopes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessTokenScopes() {
    }

    /** The {@code scope} claim of a JWT access token (a space-separated string or an array); empty for any other token. */
    static Set<String> of(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            return Set.of();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode scope = claims.path("scope");
            Set<String> scopes = new LinkedHashSet<>();
            if (scope.isArray()) {
                scope.forEach(each -> scopes.add(each.asString()));
            } else if (scope.isString()) {
                scopes.addAll(Set.of(scope.asString().trim().split("\\s+")));
            }
            return scopes;
        } catch (RuntimeException notAJwt) {
            return Set.of();
        }
    }
}
