package org.socialmedia.post.common.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 of the filter chain, answered like every other refusal. Spring Security's bearer
 * handlers write the {@code WWW-Authenticate} header a client needs but no body, so each refusal
 * lets them do that first and then hands a problem to Spring MVC's resolver, which writes the
 * same problem details as the controllers' refusals.
 */
public final class ProblemAnswers {

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

    private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) {
        if (!response.isCommitted()) {
            problems.resolveException(request, response, null,
                    new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null));
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
