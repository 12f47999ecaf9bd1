package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

/** Test code: DCMTK's storescp on a free loopback port, storing every object it receives (status 0x0000). */
final class StoreScp implements AutoCloseable {

    private final Process process;
    final int port;

    StoreScp(Path folder) throws IOException, InterruptedException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        process = new ProcessBuilder("storescp", "-od", folder.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(folder.resolveSibling("storescp.log").toFile()).start();
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("storescp did not listen on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
