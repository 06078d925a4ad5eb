package org.socialmedia.post.cmd.ratelimit;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts each command against its client's bucket and answers 429 once the bucket is empty. It runs
 * in the security filter chain right after the bearer token is read: an invalid token has been
 * answered 401 already, a valid one names the user, and a request without one is counted against
 * its address before authorization answers it 401, so that a flood of them meets 429 instead.
 * Lookups, preflights and probes pass untouched.
 */
final class CommandRateLimitFilter extends OncePerRequestFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");
    private static final String METRIC = "post.commands.rate.limited";

    private final RateLimiter limiter;
    private final Function<Authentication, String> actingUser;
    private final HandlerExceptionResolver problems;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final Counter usersRefused;
    private final Counter addressesRefused;

    /**
     * @param actingUser names the user of an authenticated request, as the commands will carry it
     * @param problems   Spring MVC's resolver, which writes the same problem details as every other refusal
     */
    CommandRateLimitFilter(RateLimiter limiter, Function<Authentication, String> actingUser, HandlerExceptionResolver problems,
                           MeterRegistry registry) {
        this.limiter = limiter;
        this.actingUser = actingUser;
        this.problems = problems;
        // Tagged by kind of client only: a tag per user or address would grow the metrics without bound.
        this.usersRefused = refusals(registry, "user");
        this.addressesRefused = refusals(registry, "anonymous");
    }

    private static Counter refusals(MeterRegistry registry, String client) {
        return Counter.builder(METRIC)
                .description("Commands refused with 429 because their client went beyond its rate limit")
                .tag("client", client)
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(HttpMethod.valueOf(request.getMethod())) || !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        @Nullable TooManyCommandsException refusal = trust.isAuthenticated(authentication)
                ? refusalOfUser(actingUser.apply(authentication))
                : refusalOfAddress(request.getRemoteAddr());
        if (refusal == null) {
            chain.doFilter(request, response);
        } else {
            problems.resolveException(request, response, null, refusal);
        }
    }

    private @Nullable TooManyCommandsException refusalOfUser(String user) {
        // One bucket however the token spells the name, as the aggregate compares names in NFC.
        Admission admission = limiter.admitUser(Normalizer.normalize(user, Normalizer.Form.NFC));
        if (admission.admitted()) {
            return null;
        }
        usersRefused.increment();
        return TooManyCommandsException.fromUser(limiter.perUser(), admission.retryAfterSeconds());
    }

    private @Nullable TooManyCommandsException refusalOfAddress(String address) {
        Admission admission = limiter.admitAddress(address);
        if (admission.admitted()) {
            return null;
        }
        addressesRefused.increment();
        return TooManyCommandsException.fromAddress(limiter.perAddress(), admission.retryAfterSeconds());
    }
}
