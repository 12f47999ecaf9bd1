package org.yaraguard.it.unrelated;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Test code: activates JAX-RS for the unrelated application. */
@ApplicationPath("/")
public class PingApplication extends Application {
}
