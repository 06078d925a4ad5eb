package org.socialmedia.devauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A development identity provider: an OAuth 2.0 / OpenID Connect authorization server with a few
 * known users, for local stacks and tests only. It is not hardened and not meant to be deployed;
 * any real provider (Keycloak, Auth0, Entra ID) takes its place, since the services only know
 * its issuer.
 */
@SpringBootApplication
@EnableConfigurationProperties(DevAuthProperties.class)
public class DevAuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevAuthApplication.class, args);
    }
}
