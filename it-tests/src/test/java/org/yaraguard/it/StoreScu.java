package org.yaraguard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DCMTK's storescu sending one file to the stand-in archive's DICOM listener: a real DICOM peer. */
final class StoreScu {

    private static final Pattern DIMSE_STATUS = Pattern.compile("(?m)^D: DIMSE Status\\s*: 0x([0-9a-fA-F]{1,4})");

    /** storescu's exit code, its output, and the C-STORE response status (-1 when none came back). */
    record Sent(int exitCode, String output, int status) {
    }

    private StoreScu() {
    }

    static Sent send(Path file, String callingAet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("storescu", "-d", "-aet", callingAet, "-aec", StandInArchive.AET,
                "127.0.0.1", Integer.toString(ItEnvironment.dicomPort()), file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("storescu hung: " + output);
        }
        Matcher m = DIMSE_STATUS.matcher(output);
        int status = -1;
        while (m.find()) {
            status = Integer.parseInt(m.group(1), 16);
        }
        return new Sent(process.exitValue(), output, status);
    }
}
