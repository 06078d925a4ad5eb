package org.socialmedia.infra.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server that runs inside the test JVM, so that the server can be
 * frozen the way a paused container is: while frozen, connections stay open and new ones are
 * accepted, but not a byte passes in either direction, so every client waits until its own
 * timeout. Thawing lets the held bytes through, as a resumed peer answers late.
 *
 * <p>Only for servers that cannot be paused from outside (an in-process mongo-java-server); an
 * embedded PostgreSQL is a process of its own and is frozen with a signal instead.
 */
final class FreezableProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private boolean frozen;
    private volatile boolean closed;

    private FreezableProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    }

    /** Relays from an ephemeral loopback port to {@code host:port}. */
    static FreezableProxy start(String host, int port) {
        try {
            FreezableProxy proxy = new FreezableProxy(new InetSocketAddress(host, port));
            daemon("proxy-accept-" + proxy.port(), proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a proxy port for " + host + ":" + port, e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        closeQuietly(listener);
        sockets.forEach(FreezableProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(upstream, 10_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                daemon("proxy-up-" + client.getPort(), () -> relay(client, server)).start();
                daemon("proxy-down-" + client.getPort(), () -> relay(server, client)).start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // The upstream refused one connection: its client sees it closed, the next may succeed.
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitThawed();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // One side went away: the other is closed below, as a dropped connection would be.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed or broken: nothing left to release
        }
    }
}
