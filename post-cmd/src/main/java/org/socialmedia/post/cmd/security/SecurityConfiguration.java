package org.socialmedia.post.cmd.security;

import java.util.List;

import org.socialmedia.post.cmd.ratelimit.CommandRateLimits;
import org.socialmedia.post.common.security.AdminScope;
import org.socialmedia.post.common.security.OpenApiSecurityProperties;
import org.socialmedia.post.common.security.ResourceServerChain;
import org.socialmedia.post.common.security.ResourceServerEdges;
import org.socialmedia.post.common.security.SecuritySchemes;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service as an OAuth 2.0 resource server: Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties name the trusted issuer, so any
 * OIDC provider works. A {@link WebMvcConfigurer} so that MockMvc slices, which pick those up,
 * test the controllers behind this very filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, OpenApiSecurityProperties.class})
// Bounded waits for the identity provider, problem details for the URLs the firewall refuses.
@Import(ResourceServerEdges.class)
class SecurityConfiguration implements WebMvcConfigurer {

    private final SecurityProperties settings;

    SecurityConfiguration(SecurityProperties settings) {
        this.settings = settings;
    }

    /** The bearer schemes in the API description, which the commands and the administration name. */
    @Bean
    OpenApiCustomizer securitySchemes(OpenApiSecurityProperties login) {
        return SecuritySchemes.describedBy(login);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActingUserResolver(settings.usernameClaim()));
    }

    /** The resource server's common chain ({@link ResourceServerChain}) around the rules of this service's routes. */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
                                    CommandRateLimits rateLimits) {
        return ResourceServerChain.configure(http, problems, requests -> requests
                        .requestMatchers("/api/v1/admin/**").hasAuthority(AdminScope.AUTHORITY)
                        // Every command acts for the token's user.
                        .requestMatchers("/api/**").authenticated())
                // Once the token is read (an invalid one is 401 already), so that a user is counted by name.
                .addFilterAfter(rateLimits.filter(new ActingUsers(settings.usernameClaim())::nameOf),
                        BearerTokenAuthenticationFilter.class)
                .build();
    }
}
