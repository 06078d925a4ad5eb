package org.socialmedia.post.cmd.ratelimit;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * How many commands (POST, PUT, PATCH, DELETE under {@code /api/}) one client may send. Each
 * client has a bucket of {@code capacity} commands, refilled by {@code refillTokens} every
 * {@code refillPeriod}, smoothly: a burst up to the capacity, then the refill rate. Lookups and
 * probes are never limited.
 *
 * <p>The buckets live in each instance's memory: behind a load balancer over N instances, a client
 * may send up to N times these figures. That still stops a script, which is what the limit is for;
 * it is no quota.
 *
 * @param enabled                 whether commands are limited at all
 * @param capacity                commands one user may send at once: a person liking down a feed
 *                                sends a few a second, and a client that flushes a queue of actions
 *                                kept while offline sends a few dozen together, so 60 never touches a
 *                                person
 * @param refillTokens            commands given back to a user every {@code refillPeriod}: 10 a second
 *                                (600 a minute) is beyond any person's clicking, and far below the
 *                                hundreds a second a script sends
 * @param refillPeriod            see {@code refillTokens}
 * @param anonymousCapacity       commands without a valid token one client address may send at once;
 *                                each is answered 401, so a client in good faith sends one and then
 *                                gets a token, while an address may be shared by many people (a NAT, a
 *                                proxy)
 * @param anonymousRefillTokens   such commands given back to an address every {@code anonymousRefillPeriod}
 * @param anonymousRefillPeriod   see {@code anonymousRefillTokens}
 * @param trackedClients          most users, and most addresses, whose buckets are kept (about 500 bytes
 *                                each, key included: 20000 take some 10 MB per map); a bucket idle long
 *                                enough to be full again is forgotten, since it is then the same as a new
 *                                one, so the bound matters only when tens of thousands of clients send
 *                                within those few seconds, or a client sprays addresses or user names;
 *                                a bucket pushed out early comes back full, so the bound errs on the
 *                                client's side, never with a 429 it had not earned
 */
@Validated
@ConfigurationProperties("app.security.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60") @Positive long capacity,
        @DefaultValue("10") @Positive long refillTokens,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration refillPeriod,
        @DefaultValue("30") @Positive long anonymousCapacity,
        @DefaultValue("5") @Positive long anonymousRefillTokens,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration anonymousRefillPeriod,
        @DefaultValue("20000") @Positive int trackedClients) {

    Limit perUser() {
        return new Limit(capacity, refillTokens, refillPeriod);
    }

    Limit perAddress() {
        return new Limit(anonymousCapacity, anonymousRefillTokens, anonymousRefillPeriod);
    }
}
