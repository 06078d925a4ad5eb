package org.socialmedia.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a TCP port can be listened on, and a port that can. */
final class FreePort {

    private FreePort() {
    }

    static int orFree(int port) {
        return port == 0 ? find() : port;
    }

    static int find() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    /**
     * Binds the wildcard address, as the services do: on Linux that fails when anything listens
     * on the port, on any address (a loopback-only server included), which is exactly the
     * conflict the stack would run into.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers do: a port whose last connections are still in TIME_WAIT is free for them.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
