package org.socialmedia.post.query.stream;

/** Why a client is told to refetch: the {@code reason} of the event, and a tag of the metric. */
enum RefetchReason {

    /** Its {@code Last-Event-ID} is older than the changes this instance remembers, or was never seen here. */
    UNKNOWN_LAST_EVENT_ID("unknown-last-event-id"),
    /** Its queue was full: changes were dropped rather than slow everyone down. */
    FELL_BEHIND("fell-behind"),
    /** The instance's listening connection was lost and is back: changes may have passed meanwhile. */
    LISTENER_RECONNECTED("listener-reconnected");

    private final String code;

    RefetchReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
