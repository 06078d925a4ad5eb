package org.socialmedia.devauth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the development identity provider offers beyond Spring Authorization Server's own
 * properties (its issuer is {@code spring.security.oauth2.authorizationserver.issuer}).
 *
 * @param clientId         the public client of browser apps and the Swagger UIs (authorization code with PKCE)
 * @param redirectUris     where that client may be sent back to. Spring Authorization Server compares
 *                         {@code localhost} redirect URIs exactly (no wildcards), so each callback is listed;
 *                         their origins are also the ones allowed to call the token endpoints from a browser
 * @param tokenTimeToLive  lifetime of the access tokens, from either flow
 * @param mintAnyUser      whether {@code POST /dev/mint} issues a token for any user name without a password,
 *                         for load tests that need many users. Never enable it outside a development stack: anyone
 *                         who can reach the port can then act as anyone
 * @param bffClientId                 the confidential client of the social app's backend-for-frontend (post-web):
 *                                    authorization code with PKCE, a client secret, refresh tokens
 * @param bffClientSecret             its secret: a development one, as public as the users' passwords
 * @param bffRedirectUris             where it may be sent back to after a login (its port is the devstack's web port)
 * @param bffPostLogoutRedirectUris   where it may be sent back to after a logout
 * @param keyFile          where the signing key (a JSON Web Key with its private parts) is kept: read at start,
 *                         generated there on the first start. Unset: a new key at each start, so tokens do not
 *                         outlive the process
 */
@ConfigurationProperties("app.devauth")
public record DevAuthProperties(@DefaultValue("social-web") String clientId,
                                @DefaultValue({"http://localhost:3000/", "http://localhost:3000/callback",
                                        "http://localhost:5173/", "http://localhost:5173/callback",
                                        "http://localhost:8081/swagger-ui/oauth2-redirect.html",
                                        "http://localhost:8082/swagger-ui/oauth2-redirect.html"})
                                List<String> redirectUris,
                                @DefaultValue("1h") Duration tokenTimeToLive,
                                @DefaultValue("false") boolean mintAnyUser,
                                @DefaultValue("social-bff") String bffClientId,
                                @DefaultValue("social-bff-dev-secret") String bffClientSecret,
                                @DefaultValue("http://localhost:3000/login/oauth2/code/social") List<String> bffRedirectUris,
                                @DefaultValue("http://localhost:3000/") List<String> bffPostLogoutRedirectUris,
                                @Nullable Path keyFile) {
}
