package org.socialmedia.post.common.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.DispatcherType;

/**
 * The filter chain of an OAuth 2.0 resource server as both services build it: Spring Boot's
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} properties name the trusted issuer,
 * so any OIDC provider works. A service gives the rules of its own routes under {@code /api/**};
 * the rest is the same everywhere:
 * <ul>
 * <li>an error dispatch and a CORS preflight pass,</li>
 * <li>the probes ({@code /livez}, {@code /readyz}), the actuator endpoints and the API description
 * (OpenAPI, Swagger UI) are open,</li>
 * <li>anything else needs a valid token,</li>
 * <li>401 and 403 are problem details with the bearer challenge ({@link ProblemAnswers}),</li>
 * <li>a token that cannot be checked because the identity provider is out of reach is a 503
 * ({@link ProblemAnswers#failedAuthentication()}, {@link IssuerDiscoveryFailures}),</li>
 * <li>each distinct token's signature is checked once ({@link VerifiedTokens}),</li>
 * <li>no session, no CSRF token, the CORS mappings of Spring MVC.</li>
 * </ul>
 * The service also imports {@link ResourceServerEdges}, for what must be beans.
 */
public final class ResourceServerChain {

    /** Paths of the liveness and readiness probes on the API port. */
    public static final String[] PROBES = {"/livez", "/readyz"};

    /** Where springdoc serves the API description and the Swagger UI, as both services configure it. */
    public static final String[] API_DESCRIPTION = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    private ResourceServerChain() {
    }

    /**
     * The resource server's configuration around the service's own rules, ready for a service to
     * add filters of its own and to build.
     *
     * @param problems the service's {@code handlerExceptionResolver}, which writes its problem details
     * @param apiRules the service's authorization rules of its routes, applied after the error
     *                 dispatches and the preflights and before every other rule
     */
    public static HttpSecurity configure(
            HttpSecurity http, HandlerExceptionResolver problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> apiRules) {
        ProblemAnswers answers = new ProblemAnswers(problems);
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        // The decoder Spring Boot builds from the standard properties, as the default would take it,
        // checking each distinct token once.
        JwtDecoder decoder = VerifiedTokens.around(
                context.getBean(JwtDecoder.class), context.getBean(VerifiedTokenProperties.class));
        return http
                .authorizeHttpRequests(requests -> {
                    // An error dispatch re-enters the chain without the token's authentication:
                    // without this, an anonymous request's 404 or 400 would come back as 401.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            // Preflights carry no token by the CORS rules; the CORS filter answers them.
                            .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
                    apiRules.customize(requests);
                    requests
                            // Probes come from the orchestrator and scrapes from Prometheus, neither of which
                            // holds a token; what is not for the public belongs on the management port.
                            .requestMatchers(PROBES).permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                            // The API's description is public by design; the operations it describes are not.
                            .requestMatchers(API_DESCRIPTION).permitAll()
                            // Nothing else is served, and nothing added later is open by mistake.
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(new IssuerDiscoveryFailures(decoder)))
                        .authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden())
                        // The configurer offers no setter for the bearer filter's failure handler.
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(answers.failedAuthentication());
                                return filter;
                            }
                        }))
                // The resource server's handlers apply to requests that carry a token; these cover those without one.
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden()))
                // Stateless with CSRF off: a bearer token is sent deliberately by the client, never by the
                // browser on its own as a cookie is, so there is no cross-site request to forge.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // The CORS mappings of the web layer (CorsProperties), applied before authentication so that
                // a preflight is answered.
                .cors(Customizer.withDefaults());
    }
}
