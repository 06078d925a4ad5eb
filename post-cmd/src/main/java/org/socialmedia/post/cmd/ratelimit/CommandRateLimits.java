package org.socialmedia.post.cmd.ratelimit;

import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;

/**
 * The rate limit as the security filter chain takes it. Deliberately not a {@link Filter} bean:
 * Spring Boot would register such a bean with the servlet container as well, and every command
 * would be counted twice.
 */
public final class CommandRateLimits {

    private final RateLimitProperties settings;
    private final RateLimiter limiter;
    private final HandlerExceptionResolver problems;
    private final MeterRegistry registry;

    CommandRateLimits(RateLimitProperties settings, HandlerExceptionResolver problems, MeterRegistry registry) {
        this.settings = settings;
        this.limiter = new RateLimiter(settings.perUser(), settings.perAddress(), settings.trackedClients());
        this.problems = problems;
        this.registry = registry;
    }

    /**
     * The filter to place right after the bearer token's authentication, or one that lets every
     * request through when the limit is off.
     *
     * @param actingUser names the user of an authenticated request, as the commands will carry it
     */
    public Filter filter(Function<Authentication, String> actingUser) {
        if (!settings.enabled()) {
            return (request, response, chain) -> chain.doFilter(request, response);
        }
        return new CommandRateLimitFilter(limiter, actingUser, problems, registry);
    }
}
