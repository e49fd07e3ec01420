package io.railcast.bench.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local TCP proxy between the agents and the servers, as a load balancer would be: each connection goes to the
 * next upstream that accepts it. It can cut the network: {@link Mode#DROP} resets every connection and every new one,
 * {@link Mode#STALL} accepts and holds every byte until the mode is {@link Mode#OPEN} again.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode {
        OPEN,
        DROP,
        STALL
    }

    private final ServerSocket listener;
    private final List<InetSocketAddress> upstreams;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.OPEN;

    /** Listens on {@code port} of the loopback (0: any free one) and forwards to {@code upstreams}. */
    TcpProxy(int port, List<InetSocketAddress> upstreams) throws IOException {
        this.listener = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
        this.upstreams = List.copyOf(upstreams);
        thread("proxy-accept", this::accept, 0).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    Mode mode() {
        return mode;
    }

    /** Switches the mode; {@link Mode#DROP} resets every open connection at once. */
    void mode(Mode mode) {
        this.mode = mode;
        if (mode == Mode.DROP) {
            sockets.forEach(TcpProxy::reset);
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    /** Connections open through the proxy (each counted on both its sides). */
    int sockets() {
        return sockets.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(TcpProxy::reset);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.DROP) {
                    reset(client);
                } else {
                    thread("proxy-connect", () -> connect(client), 256 * 1024).start();
                }
            } catch (IOException e) {
                // closed, or one failed accept: the next goes on
            }
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket server = null;
        try {
            awaitOpen();
            for (int tries = 0; server == null && tries < upstreams.size(); tries++) {
                InetSocketAddress upstream = upstreams.get(Math.floorMod(next.getAndIncrement(), upstreams.size()));
                try {
                    server = new Socket();
                    server.connect(upstream, 5_000);
                } catch (IOException refused) {
                    server.close();
                    server = null;
                }
            }
            if (server == null || mode == Mode.DROP) {
                reset(client);
                if (server != null) {
                    reset(server);
                }
                return;
            }
            sockets.add(server);
            Socket upstream = server;
            thread("proxy-up", () -> pump(client, upstream), 128 * 1024).start();
            pump(upstream, client);
        } catch (IOException | InterruptedException e) {
            reset(client);
            if (server != null) {
                reset(server);
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} while the mode lets bytes through. At the end of {@code from}, passes the end
     * on and closes both once the other direction has ended too; on a failure resets both.
     */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitOpen();
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
            if (from.isOutputShutdown()) {
                from.close();
                to.close();
            }
        } catch (IOException | InterruptedException e) {
            reset(from);
            reset(to);
        }
    }

    /** Waits while the proxy stalls; throws if it drops, so the connection is reset. */
    private void awaitOpen() throws InterruptedException, IOException {
        synchronized (gate) {
            while (mode == Mode.STALL) {
                gate.wait(1_000);
            }
        }
        if (mode == Mode.DROP) {
            throw new IOException("network cut");
        }
    }

    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private Thread thread(String name, Runnable task, long stack) {
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        task.run();
                    } finally {
                        sockets.removeIf(Socket::isClosed);
                    }
                },
                name,
                stack);
        thread.setDaemon(true);
        return thread;
    }
}
