package org.socialmedia.web.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the browser app is told at start.
 *
 * @param queryUrl post-query's address as the browser reaches it: the app reads the lookups and the
 *                 stream of changes there itself (they are public, and allow this app's origin)
 */
@ConfigurationProperties("app.web")
record AppSettingsProperties(@DefaultValue("http://localhost:8082") String queryUrl) {
}
