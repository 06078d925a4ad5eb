package org.socialmedia.post.cmd.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Makes the rate limit that the security configuration places in its filter chain. A
 * {@link WebMvcConfigurer}, as the security configuration is, so that MockMvc slices, which pick
 * those up, test the controllers behind the same limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration implements WebMvcConfigurer {

    /** A MockMvc slice has no meter registry; its refusals are then counted where nobody reads them. */
    @Bean
    CommandRateLimits commandRateLimits(RateLimitProperties settings,
                                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
                                        ObjectProvider<MeterRegistry> registry) {
        return new CommandRateLimits(settings, problems, registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
