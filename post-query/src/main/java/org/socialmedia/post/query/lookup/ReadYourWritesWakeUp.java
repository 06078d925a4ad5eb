package org.socialmedia.post.query.lookup;

import org.socialmedia.post.query.projection.PostsAdvanced;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.socialmedia.post.query.readmodel.AnnouncedChangeObserver;
import org.springframework.context.event.EventListener;

/**
 * Wakes read-your-writes waiters as soon as a change of their post is committed: at once for this
 * instance's projection, and from the announcements every instance hears for the others'. Both
 * name the version committed, so the waiters it satisfies need no statement to find out.
 */
class ReadYourWritesWakeUp implements AnnouncedChangeObserver {

    private final VersionAwaiter versions;

    ReadYourWritesWakeUp(VersionAwaiter versions) {
        this.versions = versions;
    }

    @EventListener
    void on(PostsAdvanced advanced) {
        advanced.versions().forEach(versions::reached);
    }

    @Override
    public void changed(AnnouncedChange change) {
        versions.reached(change.id(), change.version());
    }

    @Override
    public void listening() {
        // Nothing to catch up on: the waiters' polls find whatever was committed while nobody listened.
    }

    @Override
    public void deaf() {
        // The same: until listening again, only the polls serve the waiters.
    }
}
