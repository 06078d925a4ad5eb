package org.socialmedia.post.cmd.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method its {@link ActingUser}, as {@link ActingUsers} names it. */
class ActingUserResolver implements HandlerMethodArgumentResolver {

    private final ActingUsers users;

    ActingUserResolver(String usernameClaim) {
        this.users = new ActingUsers(usernameClaim);
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
        return users.of(authentication);
    }
}
