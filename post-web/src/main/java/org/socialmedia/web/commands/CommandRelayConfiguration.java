package org.socialmedia.web.commands;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

@Configuration(proxyBeanMethods = false)
class CommandRelayConfiguration {

    @Bean
    CommandRelay commandRelay(CommandRelayProperties properties) {
        // HTTP/1.1: post-cmd speaks no cleartext HTTP/2, and an upgrade attempt would only cost a header.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.commandConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new CommandRelay(http, properties);
    }

    @Bean
    UserAccessTokens userAccessTokens(OAuth2AuthorizedClientManager authorizedClients) {
        return new UserAccessTokens(authorizedClients);
    }
}
