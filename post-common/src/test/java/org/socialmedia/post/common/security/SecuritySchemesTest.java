package org.socialmedia.post.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

class SecuritySchemesTest {

    private static final OpenApiSecurityProperties DEVSTACK =
            new OpenApiSecurityProperties("http://localhost:9000/oauth2/authorize", "http://localhost:9000/oauth2/token");

    /** A command naming both schemes, as the controllers' annotations make it, and a public lookup naming none. */
    private static OpenAPI described(OpenApiSecurityProperties login) {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/posts", new PathItem()
                        .post(new Operation().security(new ArrayList<>(SecuritySchemes.anyToken())))
                        .get(new Operation())));
        SecuritySchemes.describedBy(login).customise(api);
        return api;
    }

    @Test
    void describesAPastedTokenAndALoginAtTheConfiguredEndpoints() {
        OpenAPI api = described(DEVSTACK);

        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(SecuritySchemes.BEARER);
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        SecurityScheme login = api.getComponents().getSecuritySchemes().get(SecuritySchemes.OAUTH2);
        assertThat(login.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(login.getFlows().getAuthorizationCode().getAuthorizationUrl()).isEqualTo(DEVSTACK.authorizationUrl());
        assertThat(login.getFlows().getAuthorizationCode().getTokenUrl()).isEqualTo(DEVSTACK.tokenUrl());
        assertThat(login.getFlows().getAuthorizationCode().getScopes()).containsKeys("openid", "profile", AdminScope.NAME);
        assertThat(api.getPaths().get("/api/v1/posts").getPost().getSecurity()).hasSize(2);
        assertThat(api.getPaths().get("/api/v1/posts").getGet().getSecurity()).isNull();
    }

    @Test
    void withoutTheAuthorizationServersEndpointsOnlyThePastedTokenIsDescribed() {
        for (OpenApiSecurityProperties unknown : List.of(new OpenApiSecurityProperties("", ""),
                new OpenApiSecurityProperties(DEVSTACK.authorizationUrl(), " "))) {
            OpenAPI api = described(unknown);

            assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(SecuritySchemes.BEARER);
            assertThat(api.getPaths().get("/api/v1/posts").getPost().getSecurity())
                    .as("no requirement names a scheme the document lacks")
                    .containsExactly(new SecurityRequirement().addList(SecuritySchemes.BEARER));
        }
    }

    @Test
    void aDescriptionWhoseEveryOperationNeedsATokenKeepsOnlyTheSchemesItHas() {
        OpenAPI api = new OpenAPI().security(new ArrayList<>(SecuritySchemes.anyToken()));

        SecuritySchemes.describedBy(new OpenApiSecurityProperties("", "")).customise(api);

        assertThat(api.getSecurity()).containsExactly(new SecurityRequirement().addList(SecuritySchemes.BEARER));
    }
}
