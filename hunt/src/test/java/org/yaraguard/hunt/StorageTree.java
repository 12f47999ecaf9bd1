package org.yaraguard.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaraguard.rules.samples.DicomElement;
import org.yaraguard.rules.samples.Part10File;
import org.yaraguard.rules.samples.SampleCatalog;

/**
 * A dcm4chee-arc storage folder made of real DCMTK-made objects: clean CTs, a few infected objects under several
 * studies, laid out as the archive's default path format {@code yyyy/MM/dd/{study,hash}/{series,hash}/{sop,hash}},
 * with the archive's zeroed preamble, plus a file that is not DICOM.
 */
public final class StorageTree {

    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int STUDY_DATE = 0x00080020;
    static final int PATIENT_ID = 0x00100020;
    static final int ACCESSION_NUMBER = 0x00080050;

    public final Path root;
    /** Relative path → study UID of each infected object. */
    public final Map<String, String> infected = new LinkedHashMap<>();
    final Set<String> studies = new HashSet<>();
    public final List<String> dicomFiles = new ArrayList<>();
    final String notDicom;

    /**
     * @param studies   studies, spread over days from 2026-11-01 on; 3 series of {@code perSeries} instances each
     * @param infectedStudies how many of the first studies get infected objects (EICAR, PDF JavaScript, PE in a
     *                  private element, in turn)
     */
    public StorageTree(Path root, Path work, int studies, int perSeries, int infectedStudies) throws IOException {
        this.root = Files.createDirectories(root);
        SampleCatalog catalog = new SampleCatalog(Files.createDirectories(work));
        byte[] clean = catalog.cleanCt();
        List<byte[]> bad = List.of(catalog.eicarInComments(), catalog.pdfNamedJavaScript(),
                catalog.peInPrivateElement());
        for (int s = 0; s < studies; s++) {
            String study = "1.2.826.0.1.3680043.10.1010." + s;
            LocalDate day = LocalDate.of(2026, 11, 1).plusDays(s % 20);
            String studyDate = day.toString().replace("-", "");
            this.studies.add(study);
            for (int r = 0; r < 3; r++) {
                String series = study + "." + r;
                for (int i = 0; i < perSeries; i++) {
                    String sop = series + "." + i;
                    boolean infect = s < infectedStudies && r == 1 && i == 0;
                    byte[] template = infect ? bad.get(s % bad.size()) : clean;
                    byte[] object = Part10File.read(template).withPreamble(new byte[128])
                            .with(DicomElement.uid(STUDY_INSTANCE_UID, study))
                            .with(DicomElement.uid(SERIES_INSTANCE_UID, series))
                            .with(DicomElement.uid(SOP_INSTANCE_UID, sop))
                            .with(DicomElement.text(STUDY_DATE, "DA", studyDate))
                            .with(DicomElement.text(PATIENT_ID, "LO", (s % 7 == 3 ? "=HYPERLINK(1)" : "PAT") + s))
                            .with(DicomElement.text(ACCESSION_NUMBER, "SH", "ACC" + s))
                            .toBytes();
                    String relative = String.format(Locale.ROOT, "%d/%02d/%02d/%s/%s/%s", day.getYear(),
                            day.getMonthValue(), day.getDayOfMonth(), hash(study), hash(series), hash(sop));
                    Path file = root.resolve(relative);
                    Files.createDirectories(file.getParent());
                    Files.write(file, object);
                    dicomFiles.add(relative);
                    if (infect) {
                        infected.put(relative, study);
                    }
                }
            }
        }
        notDicom = "2026/11/01/notes.json";
        Files.writeString(root.resolve(notDicom), "{\"not\": \"dicom\"}");
    }

    /** dcm4che's {@code {tag,hash}}: the value's Java hash code as 8 uppercase hex digits. */
    static String hash(String value) {
        return String.format(Locale.ROOT, "%08X", value.hashCode());
    }

    public Set<String> infectedKeys() {
        Set<String> keys = new HashSet<>();
        infected.keySet().forEach(k -> keys.add("0:" + k));
        return keys;
    }
}
