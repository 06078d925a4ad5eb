package org.socialmedia.web.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;

import tools.jackson.databind.json.JsonMapper;

/**
 * After the logout, where the browser goes next (the provider's logout endpoint, which sends it
 * back to the app). A script's {@code fetch} would follow a redirect to the provider as a
 * cross-origin request it cannot use, so a request that accepts JSON gets
 * {@code {"redirect": "..."}} to navigate to itself; a plain form post gets the redirect.
 */
final class LogoutRedirect implements RedirectStrategy {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            redirects.sendRedirect(request, response, url);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(java.util.Map.of("redirect", url)));
    }
}
