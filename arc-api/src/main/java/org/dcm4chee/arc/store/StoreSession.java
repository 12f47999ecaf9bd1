package org.dcm4chee.arc.store;

/** Compile-only: who sent the object, as dcm4chee-arc's store session knows it. */
public interface StoreSession {

    String getCallingAET();

    String getCalledAET();

    String getRemoteHostName();
}
