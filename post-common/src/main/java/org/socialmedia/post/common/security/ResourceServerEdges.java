package org.socialmedia.post.common.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.micrometer.observation.ObservationRegistry;

/**
 * What a resource server needs as beans besides its filter chain ({@link ResourceServerChain}),
 * for a service to import: bounded waits for the identity provider, problem details for the URLs
 * that Spring Security's firewall refuses, and a filter chain that is not observed filter by filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IssuerClientProperties.class, VerifiedTokenProperties.class})
public class ResourceServerEdges {

    /**
     * The decoder that Spring Boot builds from the standard properties ({@code issuer-uri},
     * {@code jwk-set-uri}, {@code jws-algorithms}...), with a client whose waits are bounded
     * ({@link IssuerClientProperties}): it fetches the discovery document and the key set.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer boundedIssuerFetches(IssuerClientProperties timeouts) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeouts.connectTimeout());
        requests.setReadTimeout(timeouts.readTimeout());
        RestTemplate client = new RestTemplate(requests);
        return decoder -> decoder.restOperations(client);
    }

    /**
     * No observation of the filter chain, its filters, authentications or authorizations. Each
     * request is already timed as a whole ({@code http.server.requests}); with actuator's registry,
     * Spring Security would also open an observation around every one of its filters and decisions,
     * which took a lookup by id from about 4,500 to 2,700 answers a second on two cores. Failed
     * authentications and refusals still show in the request's status and in the logs.
     */
    @Bean
    SecurityObservationSettings unobservedFilterChain() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The firewall's refusals as problem details; still marked on the request's observation, as
     * Spring Security's own handler does.
     */
    @Bean
    RequestRejectedHandler rejectedUrls(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
                                        ObjectProvider<ObservationRegistry> observations) {
        return new CompositeRequestRejectedHandler(
                new ObservationMarkingRequestRejectedHandler(observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
                new ProblemAnswers(problems).rejectedUrl());
    }
}
