package org.socialmedia.post.cmd.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a token names its user.
 *
 * @param usernameClaim the claim that holds the acting user's name; a token without it is taken by
 *                      its {@code sub}, which every provider sets
 */
@ConfigurationProperties("app.security")
record SecurityProperties(@DefaultValue("preferred_username") String usernameClaim) {
}
