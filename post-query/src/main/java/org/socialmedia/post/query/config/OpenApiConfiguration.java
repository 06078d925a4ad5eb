package org.socialmedia.post.query.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title page of {@code /v3/api-docs} and the Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI postQueryOpenApi() {
        return new OpenAPI().info(new Info()
                .title("post-query")
                .description("Lookups of social media posts, served from the read model that the post event stream builds")
                .version("v1"));
    }
}
