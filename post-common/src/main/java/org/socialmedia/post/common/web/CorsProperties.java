package org.socialmedia.post.common.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;

/**
 * Browser origins allowed to call {@code /api/**}: the same setting, with the same defaults (the
 * usual local frontend dev servers), in both services. An empty list turns CORS off.
 *
 * @param allowedOrigins origins such as {@code https://app.example.com}
 */
@ConfigurationProperties("app.cors")
public record CorsProperties(@DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> allowedOrigins) {

    /**
     * Allows the configured origins to call the API with the given methods, and to read the
     * headers a frontend acts on: the version ({@code ETag}), where a post is ({@code Location})
     * and when to try again ({@code Retry-After}), and why a token was refused ({@code WWW-Authenticate}).
     * Every request header is allowed, {@code Authorization} among them.
     */
    public void applyTo(CorsRegistry registry, String... methods) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(allowedOrigins.toArray(String[]::new))
                .allowedMethods(methods)
                .allowedHeaders("*")
                .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);
    }
}
