package org.socialmedia.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The social app's backend-for-frontend: it logs the user in at the identity provider, keeps
 * their tokens in a server-side session (the browser holds only an HttpOnly cookie), relays
 * their commands to post-cmd with their access token, and serves the app's static files.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
