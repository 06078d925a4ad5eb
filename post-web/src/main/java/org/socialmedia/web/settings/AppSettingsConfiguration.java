package org.socialmedia.web.settings;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AppSettingsConfiguration {

    @Bean
    FilterRegistrationBean<ContentSecurityPolicy> contentSecurityPolicy(AppSettingsProperties properties) {
        return new FilterRegistrationBean<>(new ContentSecurityPolicy(properties.queryUrl()));
    }
}
