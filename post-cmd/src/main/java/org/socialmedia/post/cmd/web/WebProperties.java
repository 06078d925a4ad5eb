package org.socialmedia.post.cmd.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may make the service read.
 *
 * @param maxBodySize largest request body read; a larger one answers 413
 */
@ConfigurationProperties("app.web")
record WebProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
