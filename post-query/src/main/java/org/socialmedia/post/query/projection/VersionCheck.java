package org.socialmedia.post.query.projection;

/**
 * What to do with an event, decided by comparing its version with the last version applied to
 * its post. Versions grow by exactly one per event, so anything but "next" is either already
 * applied or ahead of a gap.
 */
enum VersionCheck {

    /** The next version: apply it now. */
    APPLY,
    /** Applied before (a redelivery or a replay): nothing to do. */
    DUPLICATE,
    /** Its predecessor has not been applied: keep it until the gap is filled. */
    PARK;

    /**
     * @param appliedVersion the post's last applied version, 0 if the post is not known yet
     * @param eventVersion   the incoming event's version (at least 1)
     */
    static VersionCheck of(long appliedVersion, long eventVersion) {
        if (eventVersion <= appliedVersion) {
            return DUPLICATE;
        }
        return eventVersion == appliedVersion + 1 ? APPLY : PARK;
    }
}
