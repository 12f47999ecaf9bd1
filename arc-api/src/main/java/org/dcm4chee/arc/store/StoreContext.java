package org.dcm4chee.arc.store;

/** Compile-only: the members of dcm4chee-arc's store context the hook reads (valid before the archive parsed). */
public interface StoreContext {

    StoreSession getStoreSession();

    String getReceiveTranferSyntax();
}
