package org.socialmedia.post.cmd.eventstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator which stored event cannot be read, and that its post's publication waits for
 * it: once per document and instance, because every scan finds it again until it is fixed.
 */
final class UnreadableEvents {

    private static final Logger log = LoggerFactory.getLogger(UnreadableEvents.class);
    private static final int REMEMBERED = 1_000;

    private final Set<String> reported = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    void report(Document document, UnreadableEventException unreadable) {
        if (reported.add(String.valueOf(document.get(EventDocuments.ID)))) {
            log.error("{} (post {}, version {}); that post's later events stay unpublished until it is fixed, no other post waits",
                    unreadable.getMessage(), document.get(EventDocuments.AGGREGATE_ID), document.get(EventDocuments.VERSION));
        }
    }
}
