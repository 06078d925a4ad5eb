package org.socialmedia.web.problems;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Refusals that happen before any controller: answered as problems like every other 4xx. */
@Configuration(proxyBeanMethods = false)
class ProblemsConfiguration {

    /**
     * An encoded slash ({@code %2F}) is let through Tomcat, which would refuse it with an HTML
     * page, to Spring Security's firewall, which refuses it too, but through the handler below.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** A request the firewall refuses (an encoded slash, {@code ..}, a bad character) is the client's mistake. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, e) -> Problems.write(response, HttpStatus.BAD_REQUEST,
                "The address is not one this app serves.");
    }
}
