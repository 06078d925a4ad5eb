package org.socialmedia.post.query.security;

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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service as an OAuth 2.0 resource server, like post-cmd: Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties name the trusted issuer. A
 * {@link WebMvcConfigurer}, with nothing to add to Spring MVC, only so that MockMvc slices, which
 * pick those up, test the controllers behind this very filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, OpenApiSecurityProperties.class})
@Import(ResourceServerEdges.class)
class SecurityConfiguration implements WebMvcConfigurer {

    private final SecurityProperties settings;

    SecurityConfiguration(SecurityProperties settings) {
        this.settings = settings;
    }

    /** The resource server's common chain ({@link ResourceServerChain}) around the rules of this service's routes. */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return ResourceServerChain.configure(http, problems, requests -> {
            requests.requestMatchers("/api/v1/admin/**").hasAuthority(AdminScope.AUTHORITY);
            if (settings.publicReads()) {
                requests.requestMatchers("/api/**").permitAll();
            } else {
                requests.requestMatchers("/api/**").authenticated();
            }
        }).build();
    }

    /**
     * The bearer schemes in the API description: named by the administration, and by every lookup
     * too when reads are not public.
     */
    @Bean
    OpenApiCustomizer securitySchemes(OpenApiSecurityProperties login) {
        OpenApiCustomizer schemes = SecuritySchemes.describedBy(login);
        return api -> {
            if (!settings.publicReads()) {
                SecuritySchemes.anyToken().forEach(api::addSecurityItem);
            }
            schemes.customise(api);
        };
    }
}
