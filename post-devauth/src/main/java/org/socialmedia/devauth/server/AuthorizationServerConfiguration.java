package org.socialmedia.devauth.server;

import java.net.URI;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.socialmedia.devauth.DevAuthProperties;
import org.socialmedia.devauth.users.AdminScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Spring Authorization Server with OpenID Connect, one public client for browser apps and the
 * Swagger UIs, and a login form for the authorization code flow. The signing key comes from the
 * {@code signing} feature (kept in a file, or new at each start).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The protocol endpoints (authorize, token, JWKS, discovery, userinfo); first, since it matches only those. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The userinfo endpoint takes the access token itself.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // A browser sent to /oauth2/authorize without a session logs in first.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    /** Everything else: the login form. Error pages stay open, so a wrong path is a 404, not a login redirect. */
    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(DevAuthProperties devAuth) {
        RegisteredClient browserClient = loginClient(devAuth.clientId(), devAuth)
                // A public client: a browser app cannot keep a secret, PKCE protects the code instead.
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .redirectUris(uris -> uris.addAll(devAuth.redirectUris()))
                .build();
        return new InMemoryRegisteredClientRepository(browserClient, backendForFrontend(devAuth));
    }

    /**
     * The social app's backend-for-frontend: a confidential client (it keeps the tokens on the
     * server), still with PKCE for the code's trip through the browser, refresh tokens so that a
     * login outlives one access token, and RP-initiated logout back to the app.
     */
    private static RegisteredClient backendForFrontend(DevAuthProperties devAuth) {
        return loginClient(devAuth.bffClientId(), devAuth)
                .clientSecret("{noop}" + devAuth.bffClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(devAuth.bffRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(devAuth.bffPostLogoutRedirectUris()))
                .build();
    }

    /**
     * What both clients share: users log in with the authorization code and PKCE, without a
     * consent page, for the same scopes and token lifetime.
     */
    private static RegisteredClient.Builder loginClient(String clientId, DevAuthProperties devAuth) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(AdminScope.NAME)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(devAuth.tokenTimeToLive()).build());
    }

    /**
     * Signs with the same key as the authorization server (which uses this bean when there is
     * one), so that the dev tokens for curl are verified through the same JWKS as any other.
     */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> usernameClaim() {
        return new UsernameClaim();
    }

    /**
     * Browser apps and the Swagger UIs call the token endpoints from their own origin: those of the
     * registered redirect URIs, and no other. Spring Security's {@code cors()} finds this bean by name.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(DevAuthProperties devAuth) {
        CorsConfiguration browsers = new CorsConfiguration();
        browsers.setAllowedOrigins(devAuth.redirectUris().stream().map(AuthorizationServerConfiguration::origin)
                .distinct().toList());
        browsers.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        browsers.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/userinfo", "/.well-known/**",
                "/dev/**")) {
            source.registerCorsConfiguration(path, browsers);
        }
        return source;
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
