package org.socialmedia.post.common.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable wire name of each event. Stored and published events carry these names, never Java
 * class names, so classes can be renamed or moved without breaking the history.
 */
public enum PostEventType {

    POST_CREATED("PostCreated", PostEvent.PostCreated.class),
    MESSAGE_UPDATED("MessageUpdated", PostEvent.MessageUpdated.class),
    POST_LIKED("PostLiked", PostEvent.PostLiked.class),
    COMMENT_ADDED("CommentAdded", PostEvent.CommentAdded.class),
    COMMENT_UPDATED("CommentUpdated", PostEvent.CommentUpdated.class),
    COMMENT_REMOVED("CommentRemoved", PostEvent.CommentRemoved.class),
    POST_REMOVED("PostRemoved", PostEvent.PostRemoved.class);

    /** The aggregate type written beside every post event. */
    public static final String AGGREGATE_TYPE = "Post";

    private static final Map<String, PostEventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PostEventType::wireName, Function.identity()));
    private static final Map<Class<?>, PostEventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PostEventType::eventClass, Function.identity()));

    private final String wireName;
    private final Class<? extends PostEvent> eventClass;

    PostEventType(String wireName, Class<? extends PostEvent> eventClass) {
        this.wireName = wireName;
        this.eventClass = eventClass;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends PostEvent> eventClass() {
        return eventClass;
    }

    public static Optional<PostEventType> byWireName(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    public static PostEventType of(PostEvent event) {
        return BY_CLASS.get(event.getClass());
    }
}
