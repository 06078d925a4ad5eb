package org.socialmedia.post.cmd.api;

import org.socialmedia.post.cmd.domain.TextRule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;

import tools.jackson.core.StreamReadConstraints;

/**
 * How much one request may make the service read: a body no larger than a command needs (else
 * 413), and JSON no deeper, longer or wider than a command's (else 400). Both are refused before
 * anything is bound, so a hostile request costs little more than a valid one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsConfiguration.RequestLimits.class)
class RequestLimitsConfiguration {

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

    /** @param maxBodySize largest request body read; a larger one answers 413 */
    @ConfigurationProperties("app.web")
    record RequestLimits(@DefaultValue("64KB") DataSize maxBodySize) {
    }

    /** Ahead of every filter that could read a body; only the character encoding filter comes first. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            RequestLimits limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
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
    JsonFactoryBuilderCustomizer commandSizedJson(RequestLimits limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxBodySize().toBytes())
                .maxStringLength(TextRule.longest() * MOST_UTF16_UNITS_PER_CHARACTER)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }
}
