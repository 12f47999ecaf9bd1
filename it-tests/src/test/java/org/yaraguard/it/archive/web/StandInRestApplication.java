package org.yaraguard.it.archive.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Test code: activates JAX-RS for the stand-in archive's entry points, as the archive's WAR does. */
@ApplicationPath("/")
public class StandInRestApplication extends Application {
}
