package org.yaraguard.engine.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the fuzz seed corpus: small real DICOM objects made by DCMTK, one per structure the inspector walks.
 * Run by {@code engine/src/test/resources/dicom/regenerate-corpus.sh}; the files are committed under
 * {@code engine/src/test/resources/dicom/corpus/}.
 */
final class SeedCorpus {

    /** Names of the seeds {@link #make} writes. */
    static final List<String> NAMES = List.of("explicit-le.dcm", "explicit-le-undefined-lengths.dcm",
            "implicit-le.dcm", "implicit-le-undefined-lengths.dcm", "explicit-be.dcm", "deflated.dcm",
            "jpeg-baseline.dcm", "encapsulated-pdf.dcm", "bare-implicit-le.dataset");

    private SeedCorpus() {
    }

    /** Seed file name → how it is made. */
    static Map<String, byte[]> make(Path work) throws IOException {
        DcmtkFixture dcmtk = new DcmtkFixture(work);
        String dump = DcmtkFixture.sampleDump();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("explicit-le.dcm", Files.readAllBytes(dcmtk.dump2dcm("explicit-le", dump, "+te")));
        seeds.put("explicit-le-undefined-lengths.dcm",
                Files.readAllBytes(dcmtk.dump2dcm("explicit-undefined", dump, "+te", "-e")));
        seeds.put("implicit-le.dcm", Files.readAllBytes(dcmtk.dump2dcm("implicit-le", dump, "+ti", "+e")));
        seeds.put("implicit-le-undefined-lengths.dcm",
                Files.readAllBytes(dcmtk.dump2dcm("implicit-undefined", dump, "+ti", "-e")));
        seeds.put("explicit-be.dcm", Files.readAllBytes(dcmtk.dump2dcm("explicit-be", dump, "+tb")));
        seeds.put("deflated.dcm", Files.readAllBytes(dcmtk.dump2dcm("deflated", dump, "+td")));
        seeds.put("jpeg-baseline.dcm", Files.readAllBytes(dcmtk.jpegImage("jpeg")));
        seeds.put("encapsulated-pdf.dcm", Files.readAllBytes(dcmtk.pdfDocument("pdf", DcmtkFixture.minimalPdf())));
        byte[] implicit = seeds.get("implicit-le.dcm");
        seeds.put("bare-implicit-le.dataset",
                Arrays.copyOfRange(implicit, DcmtkFixture.datasetStart(implicit), implicit.length));
        return seeds;
    }

    /** Arguments: the corpus folder to (re)write. */
    public static void main(String[] args) throws IOException {
        Path corpus = Files.createDirectories(Path.of(args[0]));
        Path work = Files.createTempDirectory("dicom-seeds");
        for (Map.Entry<String, byte[]> seed : make(work).entrySet()) {
            Files.write(corpus.resolve(seed.getKey()), seed.getValue());
        }
        try (var files = Files.list(work)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }
}
