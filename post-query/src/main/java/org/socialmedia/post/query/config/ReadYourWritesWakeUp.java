package org.socialmedia.post.query.config;

import org.socialmedia.post.query.lookup.VersionAwaiter;
import org.socialmedia.post.query.projection.PostsAdvanced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Wakes read-your-writes waiters as soon as this instance's projection commits their posts. */
@Component
class ReadYourWritesWakeUp {

    private final VersionAwaiter versions;

    ReadYourWritesWakeUp(VersionAwaiter versions) {
        this.versions = versions;
    }

    @EventListener
    void on(PostsAdvanced advanced) {
        versions.recheck(advanced.postIds());
    }
}
