package org.socialmedia.post.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Swagger UI's "Authorize" button sends a person to log in: the authorization server's
 * endpoints as the browser reaches them, which may differ from the issuer address the service uses
 * to fetch keys (inside a container network, say). Both empty: the API description offers only the
 * pasted bearer token.
 *
 * @param authorizationUrl the authorization endpoint of the authorization-code flow
 * @param tokenUrl         the token endpoint, which the browser calls (it needs CORS for the service's origin)
 */
@ConfigurationProperties("app.security.openapi")
public record OpenApiSecurityProperties(
        @DefaultValue("http://localhost:9000/oauth2/authorize") String authorizationUrl,
        @DefaultValue("http://localhost:9000/oauth2/token") String tokenUrl) {

    /** Whether the authorization-code flow can be described: both endpoints are known. */
    public boolean describesLogin() {
        return !authorizationUrl.isBlank() && !tokenUrl.isBlank();
    }
}
