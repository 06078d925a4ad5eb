package org.socialmedia.post.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The ways to send a bearer token, as the OpenAPI description names them: {@link #BEARER}, a JWT
 * pasted into the Swagger UI (from {@code curl} or the devstack), and {@link #OAUTH2}, a login
 * through the authorization server with the authorization-code flow (the Swagger UI adds PKCE).
 * Operations name them in {@code @SecurityRequirement}s, one each, so that either is enough;
 * lookups that are public name none.
 */
public final class SecuritySchemes {

    /** A JWT sent as {@code Authorization: Bearer}, however the client got it. */
    public static final String BEARER = "bearer";

    /** A login through the authorization server; left out when its endpoints are not configured. */
    public static final String OAUTH2 = "oauth2";

    private SecuritySchemes() {
    }

    /**
     * Adds the schemes to the description, and takes out the requirements that name a scheme left
     * out, so that the document stays valid OpenAPI whatever is configured.
     */
    public static OpenApiCustomizer describedBy(OpenApiSecurityProperties login) {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("A JWT of the trusted issuer, sent as Authorization: Bearer <token>."));
            if (login.describesLogin()) {
                components.addSecuritySchemes(OAUTH2, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Log in at the authorization server (authorization code with PKCE).")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(login.authorizationUrl())
                                .tokenUrl(login.tokenUrl())
                                .scopes(new Scopes()
                                        .addString("openid", "who you are")
                                        .addString("profile", "your user name")
                                        .addString(AdminScope.NAME, "the administration routes; granted to admins only")))));
            }
            api.setComponents(components);
            keepKnownSchemes(api, components.getSecuritySchemes().keySet());
        };
    }

    /** Either scheme, for a description whose every operation needs a token unless it says otherwise. */
    public static List<SecurityRequirement> anyToken() {
        return List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(OAUTH2));
    }

    private static void keepKnownSchemes(OpenAPI api, Set<String> known) {
        if (api.getSecurity() != null) {
            api.setSecurity(known(api.getSecurity(), known));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .filter(operation -> operation.getSecurity() != null)
                .forEach(operation -> operation.setSecurity(known(operation.getSecurity(), known)));
    }

    /**
     * A requirement naming a scheme left out is dropped whole. None left is no requirement at all
     * (null), since an empty list would say that the operation needs no token.
     */
    private static @Nullable List<SecurityRequirement> known(List<SecurityRequirement> requirements, Set<String> known) {
        List<SecurityRequirement> kept = requirements.stream()
                .filter(requirement -> known.containsAll(requirement.keySet()))
                .collect(Collectors.toCollection(ArrayList::new));
        return kept.isEmpty() ? null : kept;
    }
}
