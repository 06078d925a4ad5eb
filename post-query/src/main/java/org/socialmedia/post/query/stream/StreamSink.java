package org.socialmedia.post.query.stream;

import java.io.IOException;

/** Where a subscriber's messages are written: the client's connection. */
interface StreamSink {

    /** Writes one message; may block while the client does not read. */
    void send(StreamMessage message) throws IOException;

    /** Ends the stream; the client may reconnect. */
    void close();
}
