package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RuleSetListener;
import org.yaraguard.engine.yara.CompileError;

/**
 * Keeps {@code .rules-status.json} in the quarantine folder current, so that the console (which reads only that
 * folder) can show the rule set in force and a refused reload. Written atomically; a symbolic link is never read.
 */
public final class RulesStatusFile implements RuleSetListener {

    /** Hidden, so neither the quarantine listing nor a rules walk ever takes it for an entry. */
    public static final String NAME = ".rules-status.json";
    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 1024 * 1024;

    private final Path quarantineDir;
    private final Path rulesDir;
    private final Clock clock;
    private RulesStatus last;

    public RulesStatusFile(Path quarantineDir, Path rulesDir, Clock clock) {
        this.quarantineDir = quarantineDir;
        this.rulesDir = rulesDir;
        this.clock = clock;
        this.last = new RulesStatus(null, rulesDir.toString(), 0, 0, null, null, List.of());
    }

    @Override
    public synchronized void loaded(RuleSet ruleSet) {
        write(new RulesStatus(ruleSet.id(), ruleSet.folder().toString(), ruleSet.files().size(),
                ruleSet.rules().rules().size(), ruleSet.loadedAt().toString(), null, List.of()));
    }

    @Override
    public synchronized void refused(String folderId, List<CompileError> errors) {
        write(new RulesStatus(last.rulesetId(), rulesDir.toString(), last.files(), last.rules(), last.loadedAt(),
                clock.instant().toString(), errors.stream().map(CompileError::toString).toList()));
    }

    private void write(RulesStatus status) {
        last = status;
        try {
            AtomicFiles.ensureFolder(quarantineDir);
            AtomicFiles.write(quarantineDir.resolve(NAME), ByteBuffer.wrap(JSON.writeValueAsBytes(status)));
        } catch (IOException e) {
            // The status is for the console only: scanning goes on with the rule set in force.
            LOG.log(Level.WARNING, "YARA Guard could not write the rules status in {0}: {1}", quarantineDir,
                    e.toString());
        }
    }

    /** The status last written into {@code quarantineDir}; empty when there is none, it is a link, or unreadable. */
    public static Optional<RulesStatus> read(Path quarantineDir) {
        Path file = quarantineDir.resolve(NAME);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                content = in.readNBytes(MAX_BYTES + 1);
            }
            return content.length > MAX_BYTES ? Optional.empty() : Optional.of(JSON.readValue(content, RulesStatus.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
