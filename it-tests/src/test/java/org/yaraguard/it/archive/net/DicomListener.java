package org.yaraguard.it.archive.net;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.dcm4chee.arc.store.StoreService;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test code: the stand-in archive's DICOM listener, started with the deployment on the loopback port given by the
 * system property {@value #PORT_PROPERTY} (not started without it) and closed at undeploy. One thread per
 * association, as dcm4che's Connection hands each accepted socket to its executor.
 */
@ApplicationScoped
public class DicomListener {

    /** The system property naming the port. */
    public static final String PORT_PROPERTY = "yg.it.dicom.port";
    private static final System.Logger LOG = System.getLogger(DicomListener.class.getName());

    @Inject
    StoreService storeService;

    private final Set<Socket> associations = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** Weld may fire the event once for the EAR and once for the WAR: the listener starts once. */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) throws IOException {
        if (server != null) {
            return;
        }
        Integer port = Integer.getInteger(PORT_PROPERTY);
        if (port == null) {
            LOG.log(System.Logger.Level.INFO, "stand-in DICOM listener off: no system property " + PORT_PROPERTY);
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(this::accept, "standin-dicom-listener-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(System.Logger.Level.INFO, "stand-in DICOM listener on port " + port);
    }

    private void accept() {
        ServerSocket socket = server;
        while (!socket.isClosed()) {
            try {
                Socket peer = socket.accept();
                associations.add(peer);
                Thread thread = new Thread(() -> {
                    try {
                        new StoreAssociation(peer, storeService).serve();
                    } finally {
                        associations.remove(peer);
                    }
                }, "standin-dicom-association");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "stand-in DICOM listener: {0}", e.toString());
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        closeQuietly(server);
        associations.forEach(DicomListener::closeQuietly);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing: {0}", e.toString());
        }
    }
}
