package org.socialmedia.web.settings;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the browser may load and call on the app's behalf: its own scripts and styles only, and
 * connections to itself and to post-query. The app never turns user text into markup; should a
 * mistake ever let some through, no script of it would run and nothing could be sent elsewhere.
 */
final class ContentSecurityPolicy extends OncePerRequestFilter {

    private final String policy;

    ContentSecurityPolicy(String queryUrl) {
        URI query = URI.create(queryUrl);
        String queryOrigin = query.getScheme() + "://" + query.getRawAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + queryOrigin + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "object-src 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        chain.doFilter(request, response);
    }
}
