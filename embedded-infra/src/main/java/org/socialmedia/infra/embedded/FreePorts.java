package org.socialmedia.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port on the loopback interface.
 *
 * <p>The embedded servers ask for a port once, when they are created, and keep it for every
 * restart. That is the point: an outage test stops a server and starts it again, and the
 * clients of the application under test must find it at the same address, exactly as they would
 * find a real server that came back. There is a small window between closing the probe socket and
 * the server binding the port in which another process could take it; for tests on one machine
 * that is acceptable.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int resolve(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("port must be 0 (choose a free one) or 1..65535: " + requested);
        }
        return requested == 0 ? find() : requested;
    }

    static int find() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }
}
