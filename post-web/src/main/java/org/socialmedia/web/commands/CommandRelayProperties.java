package org.socialmedia.web.commands;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and how the app's commands are relayed.
 *
 * @param commandUrl            post-cmd's address as this service reaches it
 * @param commandConnectTimeout how long to wait for a connection to post-cmd, then 503
 * @param commandTimeout        how long to wait for post-cmd's answer, then 503 (a command waits at most
 *                              {@code app.commands.queue-timeout}, 10 s by default, in its post's line)
 * @param maxBodySize           the largest command body relayed; post-cmd refuses more than 64 KB anyway
 */
@ConfigurationProperties("app.web")
record CommandRelayProperties(@DefaultValue("http://localhost:8081") String commandUrl,
                              @DefaultValue("2s") Duration commandConnectTimeout,
                              @DefaultValue("15s") Duration commandTimeout,
                              @DefaultValue("64KB") DataSize maxBodySize) {
}
