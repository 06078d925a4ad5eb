package org.socialmedia.post.cmd.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link ActingUser}. The name is read from the token's claims rather
 * than {@link Authentication#getName()}, which has no fallback when the configured claim is absent.
 */
class ActingUserResolver implements HandlerMethodArgumentResolver {

    private final String usernameClaim;

    ActingUserResolver(String usernameClaim) {
        this.usernameClaim = usernameClaim;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ActingUser.class;
    }

    @Override
    public ActingUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            // The filter chain lets no anonymous request reach a command, so this is a wiring mistake.
            throw new AuthenticationCredentialsNotFoundException("no authenticated user for " + parameter.getExecutable());
        }
        return new ActingUser(nameOf(authentication));
    }

    private String nameOf(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            String name = jwt.getClaimAsString(usernameClaim);
            if (name != null && !name.isBlank()) {
                return name;
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        // Another kind of authentication (a test's mock user) has nothing but its name.
        return authentication.getName();
    }
}
