package io.tenantportal.replicas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder between one replica and PostgreSQL, so a test can make the database
 * "blink" for that replica alone: {@link #cut()} drops every connection and refuses new ones until
 * {@link #restore()}; {@link #silence} makes one connection a black hole, as a network cut does: nothing
 * passes either way and neither end is told when the other closes. (Test plumbing: no library here
 * does this, and Toxiproxy needs a server.)
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Local ports of silenced connections to PostgreSQL. */
    private final Set<Integer> silenced = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    TcpProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The local ports of the proxy's connections to PostgreSQL: pg_stat_activity's client_port. */
    List<Integer> upstreamLocalPorts() {
        return open.stream().filter(s -> s.getPort() == upstreamPort).map(Socket::getLocalPort).toList();
    }

    /** From now on the connection with this local port to PostgreSQL carries nothing, and no close reaches the other end. */
    void silence(int upstreamLocalPort) {
        silenced.add(upstreamLocalPort);
    }

    void cut() {
        refusing = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        refusing = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, upstream);
                pump(upstream, client, upstream);
            } catch (IOException e) {
                // the server socket was closed, or PostgreSQL refused: the client sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to, Socket upstream) {
        int port = upstream.getLocalPort();
        Thread thread = new Thread(() -> {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!silenced.contains(port)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                open.remove(from);
                if (!silenced.contains(port)) {
                    closeQuietly(to);
                    open.remove(to);
                }
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
