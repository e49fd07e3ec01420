package io.railcast.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread copy = new Thread(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException e) {
                            // the test closed it
                        }
                    });
                    copy.setDaemon(true);
                    copy.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        // the first upstream refuses: the proxy goes on to the next, as a load balancer would
        ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int refusing = closed.getLocalPort();
        closed.close();
        proxy = new TcpProxy(
                0,
                List.of(
                        new InetSocketAddress("127.0.0.1", refusing),
                        new InetSocketAddress("127.0.0.1", echo.getLocalPort())));
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(2_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes());
        out.flush();
        return new String(socket.getInputStream().readNBytes(text.length()));
    }

    @Test
    void bytesPassBothWaysWhenOpen() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(roundTrip(socket, "again")).isEqualTo("again");
        }
    }

    @Test
    void dropResetsOpenConnectionsAndNewOnes() throws Exception {
        try (Socket open = connect()) {
            assertThat(roundTrip(open, "before")).isEqualTo("before");
            proxy.mode(TcpProxy.Mode.DROP);
            String echoed;
            try {
                echoed = roundTrip(open, "during");
            } catch (IOException reset) {
                echoed = "";
            }
            assertThat(echoed).isEmpty();
        }
        try (Socket fresh = connect()) {
            InputStream in = fresh.getInputStream();
            assertThat(readOrEnd(in)).isEqualTo(-1);
        }
        proxy.mode(TcpProxy.Mode.OPEN);
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "after")).isEqualTo("after");
        }
    }

    @Test
    void stallHoldsBytesUntilTheNetworkIsOpenAgain() throws Exception {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "before")).isEqualTo("before");
            proxy.mode(TcpProxy.Mode.STALL);
            socket.getOutputStream().write("held".getBytes());
            socket.setSoTimeout(500);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.mode(TcpProxy.Mode.OPEN);
            socket.setSoTimeout(2_000);
            assertThat(new String(socket.getInputStream().readNBytes(4))).isEqualTo("held");
        }
    }

    /** The next byte, or -1 at the end of the stream or on a reset: a dropped connection gives no data. */
    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }
}
