package org.socialmedia.post.query.lookup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lookups' settings.
 *
 * @param minVersionTimeout        how long a request with {@code minVersion} waits for the version before answering 503
 * @param minVersionPollInterval   how often the read model is asked meanwhile
 * @param minVersionPollThreads    threads that run those polls for all waiting requests
 * @param maxMinVersionWaiters     requests that may wait for a version at once; the next is answered 503 at once.
 *                                 A waiter holds no thread and adds no poll (one per post), but it holds a
 *                                 connection: this keeps waiters far below Tomcat's connection limit, so they cannot
 *                                 crowd out other lookups. A usual wait lasts milliseconds, so few are ever needed
 * @param assembledPostsCapacity   how many posts and comments (one each) the cache of assembled posts holds
 * @param knownVersionsCapacity    how many posts' current versions are remembered, to answer them without a statement
 * @param knownVersionsTtl         how long such a version is trusted at most without a change being heard: the
 *                                 longest a silently dead listening connection could leave a lookup stale
 */
@ConfigurationProperties("app.lookup")
record LookupProperties(@DefaultValue("5s") Duration minVersionTimeout,
                        @DefaultValue("25ms") Duration minVersionPollInterval,
                        @DefaultValue("2") int minVersionPollThreads,
                        @DefaultValue("1000") int maxMinVersionWaiters,
                        @DefaultValue("100000") long assembledPostsCapacity,
                        @DefaultValue("100000") long knownVersionsCapacity,
                        @DefaultValue("10s") Duration knownVersionsTtl) {
}
