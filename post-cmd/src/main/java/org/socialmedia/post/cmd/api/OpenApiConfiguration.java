package org.socialmedia.post.cmd.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The OpenAPI description served at /v3/api-docs and shown by the Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI postCommandApi() {
        return new OpenAPI().info(new Info()
                .title("post-cmd")
                .version("v1")
                .description("Commands on social media posts. Every mutation answers with the post's new version, "
                        + "in the body and as ETag; send it back as If-Match to apply a command only to that version. "
                        + "Errors are RFC 9457 problem details."));
    }
}
