package org.socialmedia.web.login;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.socialmedia.web.problems.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.StringUtils;

/**
 * The login at the identity provider (authorization code with PKCE, as a confidential client),
 * the logout there too (OpenID Connect RP-initiated logout), CSRF protection for every change,
 * and what the filters answer when they refuse: a problem, never a redirect to a login page,
 * since only the app's scripts call anything but the pages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class LoginConfiguration {

    /** The registration the app logs in with: {@code spring.security.oauth2.client.registration.social.*}. */
    static final String REGISTRATION = "social";

    @Bean
    SecurityFilterChain webChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                 LoginProperties login) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/me", "/cmd/**").authenticated()
                        // The app's files, its settings, the probes, the login and logout endpoints.
                        .anyRequest().permitAll())
                .oauth2Login(oauth -> oauth
                        // No generated login page: the app's own "Log in" button starts the login.
                        .loginPage("/")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new ProofKeyAuthorizationRequests(registrations)))
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/?login=failed"))
                .logout(logout -> logout.logoutSuccessHandler(logoutAtTheProvider(registrations, login)))
                // The token in a cookie the app's scripts read and send back as X-XSRF-TOKEN.
                .csrf(csrf -> csrf.spa())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "You are not logged in: log in and try again."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                e instanceof CsrfException
                                        ? "The page's security token is missing or outdated: reload the page and try again."
                                        : "You may not do this.")));
        return http.build();
    }

    /**
     * Ends the provider's session too, then the provider sends the browser back to the app. The
     * app logs out with a script, which cannot follow a redirect to another origin: it is given
     * the provider's logout address to go to instead ({@link LogoutRedirect}).
     */
    private static OidcClientInitiatedLogoutSuccessHandler logoutAtTheProvider(ClientRegistrationRepository registrations,
                                                                               LoginProperties login) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(login.postLogoutRedirectUri());
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy(new LogoutRedirect());
        return handler;
    }

    /**
     * Spring Boot's registrations, plus what its properties cannot say: PKCE for a confidential
     * client, and the issuer and logout endpoint when the endpoints are configured one by one.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties, LoginProperties login) {
        // An empty issuer-uri in the environment (compose's, over the default one) means: no discovery,
        // the endpoints are given one by one. Spring Boot would try to discover at "".
        properties.getProvider().values().stream().filter(provider -> !StringUtils.hasText(provider.getIssuerUri()))
                .forEach(provider -> provider.setIssuerUri(null));
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
                .values().stream().map(registration -> complete(registration, login)).toList();
        return new InMemoryClientRegistrationRepository(registrations);
    }

    private static ClientRegistration complete(ClientRegistration registration, LoginProperties login) {
        ClientRegistration.Builder builder = ClientRegistration.withClientRegistration(registration)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (login.issuer() != null) {
            builder.issuerUri(login.issuer());
        }
        if (login.endSessionUri() != null) {
            Map<String, Object> metadata = new HashMap<>(
                    registration.getProviderDetails().getConfigurationMetadata());
            metadata.put("end_session_endpoint", login.endSessionUri());
            builder.providerConfigurationMetadata(metadata);
        }
        return builder.build();
    }

    /**
     * The user's tokens in their session, which is in the database: Spring Boot's default keeps
     * them in this instance's memory, where another instance behind the same load balancer would
     * not find them (nor this one after a restart).
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientsInTheSession() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Relays an expired access token's refresh to the provider; the tokens stay in the session. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
