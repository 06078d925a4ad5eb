package org.socialmedia.devauth.token;

import java.time.Clock;

import org.socialmedia.devauth.DevAuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/** The dev token endpoints and their security: HTTP Basic, no session, no CSRF (no cookies to forge with). */
@Configuration(proxyBeanMethods = false)
class DevTokenConfiguration {

    /** Between the protocol endpoints and the login form, which would otherwise redirect curl to an HTML page. */
    @Bean
    @Order(2)
    SecurityFilterChain devTokenChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/dev/**")
                .authorizeHttpRequests(requests -> requests
                        // No password by design; the endpoint itself exists only when enabled (a 404 otherwise).
                        .requestMatchers(HttpMethod.POST, "/dev/mint").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    DevTokens devTokens(JwtEncoder encoder, DevAuthProperties devAuth) {
        return new DevTokens(encoder, devAuth.clientId(), devAuth.tokenTimeToLive(), Clock.systemUTC());
    }

    @Bean
    Issuer devTokenIssuer(AuthorizationServerSettings settings) {
        return new Issuer(settings);
    }
}
