package org.socialmedia.post.query.readmodel;

/**
 * Told what one listening session hears of the projection's announcements ({@link AnnouncedChange}),
 * so that whatever this instance keeps in memory about posts can follow every instance's changes.
 * Between {@link #deaf()} and the next {@link #listening()} changes may be committed that nobody
 * here hears of.
 */
public interface AnnouncedChangeObserver {

    /** From now on every committed change is heard, until {@link #deaf()}. */
    void listening();

    /** A committed change, heard in commit order. */
    void changed(AnnouncedChange change);

    /** Changes may go unheard from now on: the listening connection is lost, or the instance stops. */
    void deaf();
}
