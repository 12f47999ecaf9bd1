package org.yaraguard.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.ExternalVariables;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.TroubleActions;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.YaraRuleInfo;
import org.yaraguard.engine.yara.YaraRules;

/**
 * The default rules (source folder {@code default/}) loaded by the engine's {@link RulesFolder}, and objects judged
 * by the engine's {@link ObjectScanner} as the CLI does: whole object with region "object", then every region.
 */
final class RulesUnderTest implements AutoCloseable {

    static final Path SOURCE_FOLDER = Path.of("default");

    private final RulesFolder folder;
    private final RuleSet ruleSet;
    private final ObjectScanner scanner;
    private final Path objects;

    private RulesUnderTest(RulesFolder folder, RuleSet ruleSet, Path objects) {
        this.folder = folder;
        this.ruleSet = ruleSet;
        this.objects = objects;
        this.scanner = new ObjectScanner(folder, new DicomInspector(InspectionLimits.defaults()), Policy.defaults(),
                TroubleActions.defaults(), ScanLimits.defaults());
    }

    static RulesUnderTest compile() throws Exception {
        RulesFolder folder = RulesFolder.open(SOURCE_FOLDER, RulesFolder.Options.once());
        RuleSet ruleSet = folder.current().orElseThrow(
                () -> new AssertionError("default rules do not compile: " + folder.lastErrors()));
        return new RulesUnderTest(folder, ruleSet, Files.createTempDirectory("yara-guard-rules-test"));
    }

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(SOURCE_FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yar")).sorted().toList();
        }
    }

    List<YaraRuleInfo> rules() {
        return ruleSet.rules().rules();
    }

    /** The findings of the engine's verdict on {@code object}; engine trouble fails the test. */
    List<Hit> scan(byte[] object) throws IOException {
        return verdict(object).findings().stream()
                .map(f -> Hit.of(f.rule(), f.region(), f.action().label()))
                .toList();
    }

    /**
     * The rules that match {@code bytes} scanned alone as {@code region} (libyara through the engine's binding, no
     * DICOM reading): how a rule treats a region whatever the reader makes of an object.
     */
    List<String> scanRegion(byte[] bytes, String region, boolean part10, String mimeType) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        Map<String, Object> externals = Map.of(ExternalVariables.REGION, region, ExternalVariables.IS_PART10, part10,
                ExternalVariables.MIME_TYPE, mimeType);
        try (YaraRules.Lease lease = ruleSet.rules().lease().orElseThrow()) {
            return lease.scan(buffer, externals, Duration.ofSeconds(30)).stream()
                    .map(match -> match.rule().identifier())
                    .toList();
        }
    }

    /** The engine's verdict on {@code object} with the default policy; engine trouble fails the test. */
    Verdict verdict(byte[] object) throws IOException {
        Path file = Files.createTempFile(objects, "object", ".dcm");
        Files.write(file, object);
        try (SpooledObject spooled = SpooledObject.open(file)) {
            Verdict verdict = scanner.scan(spooled, ScanContext.cli());
            // Incomplete inspection (e.g. an archive appended after the dataset) still scans every region: the
            // rules' findings stand; any other trouble means the rules were not fully run.
            if (verdict.trouble() != null && verdict.trouble().kind() != Trouble.Kind.INCOMPLETE) {
                throw new AssertionError("engine trouble: " + verdict.trouble());
            }
            return verdict;
        } finally {
            Files.delete(file);
        }
    }

    @Override
    public void close() throws IOException {
        folder.close();
        try (Stream<Path> paths = Files.walk(objects)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
