package org.socialmedia.web.settings;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /config.json}: where the app reads posts from. */
@RestController
class AppSettingsController {

    record AppSettings(String queryUrl) {
    }

    private final AppSettingsProperties properties;

    AppSettingsController(AppSettingsProperties properties) {
        this.properties = properties;
    }

    /** Also sets the CSRF cookie, so that a logout or a command right after the page loaded has a token to send. */
    @GetMapping("/config.json")
    ResponseEntity<AppSettings> settings(CsrfToken csrf) {
        csrf.getToken();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new AppSettings(stripTrailingSlash(properties.queryUrl())));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
