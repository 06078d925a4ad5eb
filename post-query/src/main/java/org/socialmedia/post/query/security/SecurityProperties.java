package org.socialmedia.post.query.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read.
 *
 * @param publicReads whether the lookups answer anyone (the default: a social feed is public);
 *                    false makes them need a bearer token of the trusted issuer, like the commands
 */
@ConfigurationProperties("app.security")
record SecurityProperties(@DefaultValue("true") boolean publicReads) {
}
