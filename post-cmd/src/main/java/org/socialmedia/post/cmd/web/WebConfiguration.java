package org.socialmedia.post.cmd.web;

import org.socialmedia.post.cmd.domain.TextRule;
import org.socialmedia.post.common.web.CorsProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The HTTP edge of every feature: CORS for a browser frontend on another origin, JSON that does
 * not guess, the OpenAPI description, and how much one request may make the service read: a body
 * no larger than a command needs (else 413) and JSON no deeper, longer or wider than a command's
 * (else 400). Both limits refuse before anything is bound, so a hostile request costs little more
 * than a valid one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebProperties.class, CorsProperties.class})
class WebConfiguration implements WebMvcConfigurer {

    /** A command is one flat object; a few levels leave room for fields a newer client may add. */
    private static final int MAX_NESTING_DEPTH = 8;

    /** No command field is a number; a number in a field this service ignores needs no more digits than a long. */
    private static final int MAX_NUMBER_LENGTH = 20;

    /** The contract's property names are single words. */
    private static final int MAX_NAME_LENGTH = 64;

    /**
     * The rules count a character as one however a client spells it, and it takes at most four
     * UTF-16 units as sent: a surrogate pair, or up to four code points that NFC composes into one.
     */
    private static final int MOST_UTF16_UNITS_PER_CHARACTER = 4;

    private final CorsProperties cors;

    WebConfiguration(CorsProperties cors) {
        this.cors = cors;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        cors.applyTo(registry, "GET", "POST", "PUT", "DELETE", "OPTIONS");
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

    /** Ahead of every filter that could read a body; only the character encoding filter comes first. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            WebProperties limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodySize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The limits follow from the contract, so they are set here from the owners of each figure, in
     * place of Spring Boot's {@code spring.jackson.factory.constraints.read.*}. This service's
     * JsonMapper reads request bodies only: events have their own codec.
     */
    @Bean
    JsonFactoryBuilderCustomizer commandSizedJson(WebProperties limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxBodySize().toBytes())
                .maxStringLength(TextRule.longest() * MOST_UTF16_UNITS_PER_CHARACTER)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }

    /** The OpenAPI description served at /v3/api-docs and shown by the Swagger UI. */
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
