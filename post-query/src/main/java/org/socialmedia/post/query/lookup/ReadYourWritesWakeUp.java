package org.socialmedia.post.query.lookup;

import org.socialmedia.post.query.projection.PostsAdvanced;
import org.springframework.context.event.EventListener;

/** Wakes read-your-writes waiters as soon as this instance's projection commits their posts. */
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
