package org.socialmedia.post.query.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dead letters are re-driven.
 *
 * @param brokerTimeout longest wait for the broker at each step of a re-drive (reading the
 *                      dead-letter topic, acknowledging what was republished, committing how far
 *                      it got); past it the re-drive stops with 503, and the next goes on from there
 */
@ConfigurationProperties("app.redrive")
record RedriveProperties(@DefaultValue("10s") Duration brokerTimeout) {
}
