package org.socialmedia.post.cmd.security;

import java.util.List;

import org.socialmedia.post.cmd.ratelimit.CommandRateLimits;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * The service as an OAuth 2.0 resource server: Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties name the trusted issuer, so any
 * OIDC provider works. A {@link WebMvcConfigurer} so that MockMvc slices, which pick those up,
 * test the controllers behind this very filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

    static final String ADMIN_SCOPE = "SCOPE_posts.admin";

    private final SecurityProperties settings;

    SecurityConfiguration(SecurityProperties settings) {
        this.settings = settings;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActingUserResolver(settings.usernameClaim()));
    }

    /**
     * Stateless with CSRF off: a bearer token is sent deliberately by the client, never by the
     * browser on its own as a cookie is, so there is no cross-site request to forge.
     */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
                                    CommandRateLimits rateLimits) {
        ProblemAnswers answers = new ProblemAnswers(problems);
        return http
                .authorizeHttpRequests(requests -> requests
                        // An error dispatch re-enters the chain without the token's authentication:
                        // without this, an anonymous request's 404 or 400 would come back as 401.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Preflights carry no token by the CORS rules; the CORS filter answers them.
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasAuthority(ADMIN_SCOPE)
                        .requestMatchers("/api/**").authenticated()
                        // Probes come from the orchestrator and scrapes from Prometheus, neither of which
                        // holds a token; what is not for the public belongs on the management port.
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        // What remains is the API's description (OpenAPI, Swagger UI), public by design.
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden()))
                // The resource server's handlers apply to requests that carry a token; these cover those without one.
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // The CORS mappings of the web feature, applied before authentication so that a preflight is answered.
                .cors(Customizer.withDefaults())
                // Once the token is read (an invalid one is 401 already), so that a user is counted by name.
                .addFilterAfter(rateLimits.filter(new ActingUsers(settings.usernameClaim())::nameOf),
                        BearerTokenAuthenticationFilter.class)
                .build();
    }
}
