package org.socialmedia.post.cmd.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Web settings: CORS for a browser frontend on another origin, and JSON that does not guess.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebConfiguration.CorsProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    @ConfigurationProperties("app.cors")
    record CorsProperties(@DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> allowedOrigins) {
    }

    private final CorsProperties cors;

    WebConfiguration(CorsProperties cors) {
        this.cors = cors;
    }

    /**
     * {@code {"username": 42}} is a client mistake, not the user "42": text fields take JSON
     * strings only, so such a body answers 400 instead of being silently coerced.
     */
    @Bean
    JsonMapperBuilderCustomizer textFieldsTakeStringsOnly() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins(cors.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
                .allowedHeaders("*")
                .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);
    }
}
