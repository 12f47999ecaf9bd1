/**
 * The adversarial corpus of issue 7 ("No way around the scanner"), generated at test time.
 *
 * <p>{@link org.yaraguard.rules.adversarial.AdversarialCorpus} writes every object into a temporary folder: malicious
 * ones named {@code c<class>-…} after the seven classes of evasion of the issue (1 executables off the start of a
 * region, 2 standard binary elements, 3 split across fragments, 4 where the reader stops, 5 parser differentials,
 * 6 encodings that hide bytes, 7 resource exhaustion), one file per class, and clean look-alikes named
 * {@code clean-c<class>-…} in {@code CleanLookAlikes}. Every object says how it arrives (C-STORE with a transfer
 * syntax, or STOW-RS as a Part-10 file) and, in one line, what hides where. Payloads are harmless: headers without
 * code, EICAR built from parts, ZIPs written by java.util.zip, PDFs whose script only shows an alert.
 *
 * <p>{@code AdversarialCorpusValidityTest}: every object is read by DCMTK's dcmdump without error, as it arrives.
 * {@code AdversarialCorpusTest}: the engine, built as the store hook builds it, rejects every malicious object and no
 * clean one. {@code PydicomCorpusTest}: no real-world object of python3-pydicom's test files is rejected.
 */
package org.yaraguard.rules.adversarial;
