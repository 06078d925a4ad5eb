package org.socialmedia.post.query.stream;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream: the listener on the projection's announcements, the fan-out to this instance's
 * subscribers, the threads that write to them and the heartbeats.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration {

    /**
     * A fixed number of threads writes to all clients. Its queue needs no bound of its own: a
     * subscriber has at most one task in it, and subscribers are bounded.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor streamSender(StreamProperties properties) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.sendThreads(), properties.sendThreads(),
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons("post-stream-send-"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    StreamMetrics streamMetrics(MeterRegistry registry) {
        return new StreamMetrics(registry);
    }

    @Bean
    ChangeFanOut changeFanOut(StreamProperties properties, ThreadPoolExecutor streamSender, StreamMetrics metrics) {
        ChangeFanOut fanOut = new ChangeFanOut(properties, streamSender, metrics);
        metrics.countSubscribers(fanOut::size);
        return fanOut;
    }

    @Bean
    ChangeListener changeListener(JdbcConnectionDetails database, JsonMapper json, ChangeFanOut fanOut,
                                  StreamProperties properties) {
        return new ChangeListener(database, json, fanOut, properties.connectionCheckInterval(),
                properties.relistenMaxInterval());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamHeartbeats(ChangeFanOut fanOut, StreamProperties properties) {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemons("post-stream-heartbeat-"));
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(fanOut::heartbeat, period, period, TimeUnit.MILLISECONDS);
        return heartbeats;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
