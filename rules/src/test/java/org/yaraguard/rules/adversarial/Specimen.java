package org.yaraguard.rules.adversarial;

/** A dataset with the identity its file meta repeats, ready to be sent bare (C-STORE) or as a Part-10 file. */
record Specimen(Dataset dataset, String sopClass, String sopInstance) {

    /** A Part-10 file in the dataset's own encoding. */
    byte[] part10() {
        return part10(dataset.encoding().uid());
    }

    /** A Part-10 file declaring {@code transferSyntax} (the dataset is written as it is). */
    byte[] part10(String transferSyntax) {
        return Part10.file(transferSyntax, sopClass, sopInstance, dataset.toBytes());
    }

    /** The dataset alone, as a C-STORE sender streams it. */
    byte[] bare() {
        return dataset.toBytes();
    }
}
