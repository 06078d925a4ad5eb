package org.socialmedia.post.cmd.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.post.cmd.security.ActingUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The limit in the service's own security filter chain, in front of a stand-in for the commands
 * that answers with the acting user. Three commands per user and two per address without a token,
 * refilled once an hour, so that nothing refills while a test runs. The context, and so the buckets,
 * is shared by the tests: each one acts under user names and addresses of its own.
 */
@WebMvcTest(controllers = RateLimitedCommandsTest.Commands.class, properties = {
        "app.security.rate-limit.capacity=3",
        "app.security.rate-limit.refill-tokens=1",
        "app.security.rate-limit.refill-period=1h",
        "app.security.rate-limit.anonymous-capacity=2",
        "app.security.rate-limit.anonymous-refill-tokens=1",
        "app.security.rate-limit.anonymous-refill-period=1h"})
@Import({RateLimitedCommandsTest.Commands.class, RateLimitedCommandsTest.Metrics.class})
class RateLimitedCommandsTest {

    private static final String COMMANDS = "/api/v1/test-commands";
    private static final String PROBLEM = "application/problem+json";
    private static final String HOUR = "3600";
    private static final String ORIGIN = "http://localhost:5173";

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @RestController
    @RequestMapping(COMMANDS)
    static class Commands {

        @PostMapping
        String post(ActingUser user) {
            return user.name();
        }

        @PutMapping
        String put(ActingUser user) {
            return user.name();
        }

        @DeleteMapping
        String delete(ActingUser user) {
            return user.name();
        }

        @GetMapping
        String get() {
            return "a lookup";
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Metrics {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static String someone() {
        return "user-" + UUID.randomUUID();
    }

    private static String someAddress() {
        UUID random = UUID.randomUUID();
        return "10." + (random.hashCode() & 0xff) + "." + ((random.hashCode() >> 8) & 0xff) + "." + ((random.hashCode() >> 16) & 0xff);
    }

    private static RequestPostProcessor as(String user) {
        return jwt().jwt(token -> token.subject("id-of-" + user).claim("preferred_username", user));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    private void acceptsCommandsOf(String user, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            send(post(COMMANDS).with(as(user))).andExpect(status().isOk()).andExpect(content().string(user));
        }
    }

    private static ResultActions isTooManyRequests(ResultActions result) throws Exception {
        return result.andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", HOUR))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too Many Requests"))
                .andExpect(jsonPath("$.detail", containsString("again in " + HOUR + " s")));
    }

    private double refusals(String client) {
        return registry.counter("post.commands.rate.limited", "client", client).count();
    }

    @Nested
    class PerUser {

        @Test
        void theCommandAfterTheLimitIs429WithRetryAfterAndAProblemWhileAnotherUserGoesOn() throws Exception {
            String alice = someone();
            double before = refusals("user");
            acceptsCommandsOf(alice, 3);

            isTooManyRequests(send(post(COMMANDS).with(as(alice))))
                    .andExpect(jsonPath("$.detail", containsString("Too many commands from this user")))
                    .andExpect(jsonPath("$.detail", containsString("3 at once, then 1 every 3600 s")));

            acceptsCommandsOf(someone(), 3);
            assertThat(refusals("user") - before).isEqualTo(1);
        }

        @Test
        void everyMutatingMethodCounts() throws Exception {
            String user = someone();
            send(post(COMMANDS).with(as(user))).andExpect(status().isOk());
            send(put(COMMANDS).with(as(user))).andExpect(status().isOk());
            send(delete(COMMANDS).with(as(user))).andExpect(status().isOk());

            isTooManyRequests(send(put(COMMANDS).with(as(user))));
            isTooManyRequests(send(delete(COMMANDS).with(as(user))));
        }

        @Test
        void aUserIsCountedByTheNameTheirCommandsCarryNotByTheTokensSubject() throws Exception {
            String user = someone() + "-e\u0301";
            String sameInNfc = user.replace("e\u0301", "\u00e9");
            send(post(COMMANDS).with(jwt().jwt(token -> token.subject("one-session").claim("preferred_username", user))))
                    .andExpect(status().isOk());
            send(post(COMMANDS).with(jwt().jwt(token -> token.subject("another-session").claim("preferred_username", user))))
                    .andExpect(status().isOk());
            send(post(COMMANDS).with(as(sameInNfc))).andExpect(status().isOk());

            isTooManyRequests(send(post(COMMANDS).with(as(user))));
        }

        @Test
        void lookupsAndPreflightsOfALimitedUserStillPass() throws Exception {
            String user = someone();
            acceptsCommandsOf(user, 3);
            isTooManyRequests(send(post(COMMANDS).with(as(user))));

            for (int i = 0; i < 10; i++) {
                send(get(COMMANDS).with(as(user))).andExpect(status().isOk());
                send(head(COMMANDS).with(as(user))).andExpect(status().isOk());
                send(options(COMMANDS).header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization"))
                        .andExpect(status().isOk())
                        .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN));
            }
        }

        /** A browser app must be able to read the refusal and its Retry-After, so CORS applies to it too. */
        @Test
        void aBrowserAppOnAnAllowedOriginCanReadTheRefusal() throws Exception {
            String user = someone();
            acceptsCommandsOf(user, 3);

            isTooManyRequests(send(post(COMMANDS).header("Origin", ORIGIN).with(as(user))))
                    .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN))
                    .andExpect(header().string("Access-Control-Expose-Headers", containsString("Retry-After")));
        }
    }

    @Nested
    class WithoutAToken {

        @Test
        void commandsAreCountedPerAddressThen429InsteadOf401() throws Exception {
            String address = someAddress();
            double before = refusals("anonymous");
            for (int i = 0; i < 2; i++) {
                send(post(COMMANDS).with(from(address)))
                        .andExpect(status().isUnauthorized())
                        .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
            }

            isTooManyRequests(send(post(COMMANDS).with(from(address))))
                    .andExpect(jsonPath("$.detail", containsString("without a bearer token")));

            send(post(COMMANDS).with(from(someAddress()))).andExpect(status().isUnauthorized());
            assertThat(refusals("anonymous") - before).isEqualTo(1);
        }

        @Test
        void aUserOnALimitedAddressIsCountedAsTheUser() throws Exception {
            String address = someAddress();
            for (int i = 0; i < 3; i++) {
                send(post(COMMANDS).with(from(address)));
            }

            send(post(COMMANDS).with(from(address)).with(as(someone()))).andExpect(status().isOk());
        }

        /** This service has no public route: a GET without a token is 401, and stays 401 however many come. */
        @Test
        void readsWithoutATokenAreNeverCounted() throws Exception {
            String address = someAddress();
            for (int i = 0; i < 10; i++) {
                send(get(COMMANDS).with(from(address))).andExpect(status().isUnauthorized());
            }

            send(post(COMMANDS).with(from(address))).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    @TestPropertySource(properties = "app.security.rate-limit.enabled=false")
    class SwitchedOff {

        @Test
        void noCommandIsRefusedForItsRate() throws Exception {
            String user = someone();
            String address = someAddress();

            acceptsCommandsOf(user, 10);
            for (int i = 0; i < 10; i++) {
                send(post(COMMANDS).with(from(address))).andExpect(status().isUnauthorized());
            }
        }
    }
}
