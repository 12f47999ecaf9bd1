package org.yaraguard.it;

import java.util.List;

/**
 * What an entry point of the stand-in archive answered: stored (with the stand-in's record ids) or refused (with
 * the DICOM status and error comment the sender got).
 */
record StoreOutcome(int httpStatus, String outcome, int status, String errorComment, String message,
                    List<String> records) {

    boolean stored() {
        return "stored".equals(outcome);
    }

    boolean refused() {
        return "refused".equals(outcome);
    }
}
