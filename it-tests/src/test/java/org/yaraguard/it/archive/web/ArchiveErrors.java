package org.yaraguard.it.archive.web;

import jakarta.ws.rs.core.Response;

/**
 * Test code: the archive's REST error answers, as its QidoRS, WadoRS and IocmRS build them: text/plain, either
 * {@code {"errorMessage":"..."}} or (for 500) a stack trace.
 */
final class ArchiveErrors {

    private ArchiveErrors() {
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type("text/plain").entity("{\"errorMessage\":\"" + message + "\"}").build();
    }

    static Response internal(String trace) {
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type("text/plain").entity(trace).build();
    }

    /** The stand-in has one archive AE, the one in its STOW-RS path. */
    static boolean knownAe(String aet) {
        return "DCM4CHEE".equals(aet);
    }

    static Response noSuchAe(String aet) {
        return error(Response.Status.NOT_FOUND, "No such Application Entity: " + aet);
    }
}
