package org.socialmedia.web.login;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the login needs beyond Spring Boot's {@code spring.security.oauth2.client.*} properties.
 * With an {@code issuer-uri}, Spring Boot reads the provider's endpoints from its discovery
 * document and these two stay unset. Where the browser and this service reach the provider at
 * different addresses (compose: {@code localhost:8080} and {@code keycloak:8080}) the endpoints are
 * configured one by one instead, and discovery cannot be used: then these say what discovery
 * would have said.
 *
 * @param issuer                the {@code iss} the ID tokens must carry; unset: taken from discovery, or not checked
 *                              when the endpoints are configured one by one
 * @param endSessionUri         the provider's RP-initiated logout endpoint ({@code end_session_endpoint}) as the
 *                              browser reaches it; unset: taken from discovery
 * @param postLogoutRedirectUri where the provider sends the browser back after the logout; {@code {baseUrl}} is
 *                              this service's address as the browser used it
 */
@ConfigurationProperties("app.web.login")
record LoginProperties(@Nullable String issuer,
                       @Nullable String endSessionUri,
                       @DefaultValue("{baseUrl}/") String postLogoutRedirectUri) {
}
