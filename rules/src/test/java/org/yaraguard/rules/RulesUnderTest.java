package org.yaraguard.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.dicom.Region;
import org.yaraguard.engine.yara.Yara;
import org.yaraguard.engine.yara.YaraCompiler;
import org.yaraguard.engine.yara.YaraMatch;
import org.yaraguard.engine.yara.YaraRuleInfo;
import org.yaraguard.engine.yara.YaraRules;

/**
 * The default rules (source folder {@code default/}) compiled by the engine's libyara binding, each file in its
 * own namespace, and objects scanned as the engine does: the whole object with region "object", then every
 * region the engine's DICOM inspector extracts, with the external variables the engine defines.
 */
final class RulesUnderTest implements AutoCloseable {

    static final Path SOURCE_FOLDER = Path.of("default");

    private final YaraRules rules;
    private final YaraRules.Lease lease;
    private final DicomInspector inspector = new DicomInspector(InspectionLimits.defaults());

    private RulesUnderTest(YaraRules rules) {
        this.rules = rules;
        this.lease = rules.lease().orElseThrow();
    }

    static RulesUnderTest compile() throws Exception {
        try (YaraCompiler compiler = Yara.get().newCompiler()) {
            defaults().forEach(compiler::defineExternal);
            for (Path file : ruleFiles()) {
                String name = file.getFileName().toString();
                compiler.addSource(name.replace(".yar", ""), Files.readString(file, StandardCharsets.UTF_8), name);
            }
            return new RulesUnderTest(compiler.compile());
        }
    }

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(SOURCE_FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yar")).sorted().toList();
        }
    }

    List<YaraRuleInfo> rules() {
        return rules.rules();
    }

    /** Every match of every scan of {@code object}. */
    List<Hit> scan(byte[] object) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocateDirect(object.length).put(object).flip();
        Inspection inspection = inspector.inspect(bytes, null);
        Map<String, Object> externals = defaults();
        externals.put("is_part10", inspection.part10());
        externals.put("transfer_syntax", orEmpty(inspection.transferSyntaxUid()));
        externals.put("sop_class_uid", orEmpty(inspection.attributes().sopClassUid()));
        externals.put("mime_type", orEmpty(inspection.encapsulatedMimeType()));
        List<Hit> hits = new ArrayList<>(scan(bytes, externals, "object"));
        for (Region region : inspection.regions()) {
            hits.addAll(scan(region.bytes(), externals, region.name()));
        }
        return hits;
    }

    private List<Hit> scan(ByteBuffer bytes, Map<String, Object> externals, String region) throws Exception {
        Map<String, Object> scanExternals = new HashMap<>(externals);
        scanExternals.put("region", region);
        List<Hit> hits = new ArrayList<>();
        for (YaraMatch match : lease.scan(bytes, scanExternals, Duration.ofSeconds(30))) {
            hits.add(Hit.of(match.rule().identifier(), region, String.valueOf(match.rule().meta().get("action"))));
        }
        return hits;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> externals = new HashMap<>();
        externals.put("is_part10", false);
        externals.put("region", "object");
        externals.put("sop_class_uid", "");
        externals.put("transfer_syntax", "");
        externals.put("mime_type", "");
        externals.put("calling_aet", "");
        externals.put("source", "cli");
        return externals;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        lease.close();
        rules.close();
    }
}
