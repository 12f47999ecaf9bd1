package org.yaraguard.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A defanged archive of one quarantined object for a malware analyst: a ZIP holding the object XOR-ed with
 * {@link #KEY} under the name {@code <sha256>.dcm.xor5a.bin}, the sidecar as {@code <sha256>.sidecar.json.txt}
 * and a {@code README.txt}. No entry has an executable or auto-opened extension, no entry carries Unix mode bits,
 * and the XOR keeps the executable or script that the object may hide from being recognised or run by accident
 * (also by scanners on the analyst's machine), while anyone can undo it.
 */
final class DefangedExport {

    /** The XOR key, one byte, also named in the entry name and the README. */
    static final int KEY = 0x5a;

    private DefangedExport() {
    }

    static void write(ReviewEntry entry, OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(entry).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry.id() + ".sidecar.json.txt"));
            zip.write(Files.readAllBytes(entry.sidecarFile()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry.id() + ".dcm.xor5a.bin"));
            try (InputStream in = Files.newInputStream(entry.objectFile())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        buffer[i] ^= (byte) KEY;
                    }
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
        }
    }

    private static String readme(ReviewEntry entry) {
        return String.join("\n",
                "YARA Guard quarantine export - POSSIBLY MALICIOUS CONTENT, DEFANGED",
                "",
                "Object SHA-256: " + entry.id(),
                "",
                entry.id() + ".dcm.xor5a.bin  the DICOM object exactly as received, every byte XOR 0x5A.",
                entry.id() + ".sidecar.json.txt  the quarantine sidecar (verdict, matches, review trail), JSON.",
                "",
                "To recover the original bytes in an isolated analysis environment:",
                "  python3 -c \"import sys; d=open(sys.argv[1],'rb').read();"
                        + " open(sys.argv[2],'wb').write(bytes(b ^ 0x5A for b in d))\" \\",
                "      " + entry.id() + ".dcm.xor5a.bin " + entry.id() + ".dcm.quarantined",
                "  sha256sum " + entry.id() + ".dcm.quarantined   # must print the SHA-256 above",
                "",
                "The recovered file may be a valid Windows or Linux executable (PE/ELF in the DICOM preamble) or",
                "carry a PDF with active content. Do not open or run it outside a sandbox.",
                "");
    }
}
