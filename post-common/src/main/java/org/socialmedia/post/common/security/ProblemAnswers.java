package org.socialmedia.post.common.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.post.common.web.RetryLaterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 of the filter chain, answered like every other refusal. Spring Security's bearer
 * handlers write the {@code WWW-Authenticate} header a client needs but no body, so each refusal
 * lets them do that first and then hands a problem to Spring MVC's resolver, which writes the
 * same problem details as the controllers' refusals. The same goes for the two answers of the
 * edge that are no refusal of the token: the identity provider out of reach (503) and a URL the
 * firewall refuses (400).
 */
public final class ProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    private final HandlerExceptionResolver problems;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    /** @param problems the service's {@code handlerExceptionResolver}, which knows its problem details advice */
    public ProblemAnswers(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    /** 401: no token, or one that is not valid; with the bearer challenge. */
    public AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            answer(request, response, HttpStatus.UNAUTHORIZED, detail(e));
        };
    }

    /** 403: a valid token that does not grant the request; with the bearer challenge's {@code insufficient_scope}. */
    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            denied.handle(request, response, e);
            answer(request, response, HttpStatus.FORBIDDEN, detail(e));
        };
    }

    /**
     * A token that could not be checked: 503 with {@code Retry-After} when the identity provider's
     * keys could not be fetched, otherwise the 401 of {@link #unauthorized()}. Spring Security
     * reports the former as an {@link AuthenticationServiceException} and, since 6.0, rethrows it
     * from the bearer filter, so that it would end as a 500; an outage is neither the client's
     * mistake nor a bad token.
     */
    public AuthenticationFailureHandler failedAuthentication() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                // The cause names the provider's address and the failure: for the operators, not the client.
                log.warn("the identity provider's keys could not be fetched: {}", e.getMessage());
                answer(request, response, new RetryLaterException(
                        "The identity provider's keys could not be fetched to check the bearer token; try again shortly.", e));
            } else {
                unauthorized.commence(request, response, e);
            }
        };
    }

    /**
     * 400 for a URL that Spring Security's firewall refuses (a path parameter, an empty or dot
     * segment, an encoded slash, period, percent or backslash...), which would otherwise be
     * answered through the container's error page in another dialect. No filter or controller has
     * seen the request. The detail names the kinds of refused URL, not the URL.
     */
    public RequestRejectedHandler rejectedUrl() {
        return (request, response, e) -> answer(request, response, HttpStatus.BAD_REQUEST,
                "The request's URL was refused: it holds a path parameter (;), an empty or dot segment, or an encoded "
                        + "character that no route of this API takes.");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) {
        answer(request, response, new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ErrorResponseException problem) {
        if (!response.isCommitted()) {
            problems.resolveException(request, response, null, problem);
        }
    }

    /** Says what the client can do about it, without echoing the token or the failure's internals. */
    private static String detail(AuthenticationException e) {
        return e instanceof InsufficientAuthenticationException
                ? "This request needs a bearer token: send Authorization: Bearer <JWT>."
                : "The bearer token is not valid: it is malformed, expired, or not from the trusted issuer.";
    }

    private static String detail(AccessDeniedException e) {
        return "The bearer token does not grant this request; administration needs the scope " + AdminScope.NAME + ".";
    }
}
