package com.architectbot.queue.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback in front of the test Redis, to stage an outage: while down it drops every
 * open connection and hangs up on new ones at once, as a Redis that restarts or a broken network would.
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket server;
    private final URI target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    LoopbackProxy(URI target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    URI uri() {
        return URI.create("redis://127.0.0.1:" + server.getLocalPort());
    }

    void goDown() {
        down = true;
        open.forEach(LoopbackProxy::closeQuietly);
    }

    void comeBack() {
        down = false;
    }

    /** Connections hung up on while down: each is a client that tried again. */
    int refused() {
        return refused.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    refused.incrementAndGet();
                    closeQuietly(client);
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket upstream = new Socket(target.getHost(), target.getPort());
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        goDown();
    }
}
