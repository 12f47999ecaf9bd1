package org.yaraguard.it.unrelated;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test code: an application that has nothing to do with the archive, deployed beside it. */
@RequestScoped
@Path("ping")
public class PingResource {

    @GET
    public String ping() {
        return "pong";
    }
}
