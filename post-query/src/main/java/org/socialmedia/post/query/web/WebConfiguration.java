package org.socialmedia.post.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.socialmedia.post.common.web.CorsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP edge across the features: CORS for a browser frontend on another origin, which only
 * reads here, and the title page of {@code /v3/api-docs} and the Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    private final CorsProperties cors;

    WebConfiguration(CorsProperties cors) {
        this.cors = cors;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        cors.applyTo(registry, "GET", "HEAD", "OPTIONS");
    }

    @Bean
    OpenAPI postQueryOpenApi() {
        return new OpenAPI().info(new Info()
                .title("post-query")
                .description("Lookups of social media posts, served from the read model that the post event stream builds")
                .version("v1"));
    }
}
