package org.yaraguard.engine.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which rule files name the region, and so also run over the preamble, the slice that starts where the object starts:
 * a rule that never tells regions apart saw those bytes, at the same offsets, in the whole-object scan, and could only
 * add what a 128-byte "file" makes true ({@code filesize < 200}). That spares every Part-10 object libyara's fixed
 * cost per scan of such rules (with 5,000 third-party rules importing {@code pe}, ~0.8 ms). A file with an
 * {@code include} is kept: what it includes may name the region.
 */
final class RegionAwareFiles {

    /** The word anywhere, comments and strings included: a false hit only keeps a file, never drops one. */
    private static final Pattern REGION_AWARE = Pattern.compile("\\bregion\\b|\\binclude\\b");

    private RegionAwareFiles() {
    }

    /** The rule files of {@code snapshot} that name the region (or include), in its order. */
    static List<String> of(FolderSnapshot snapshot) {
        List<String> aware = new ArrayList<>();
        for (String path : snapshot.ruleFiles()) {
            if (mayNameTheRegion(snapshot.files().get(path)) && REGION_AWARE.matcher(snapshot.text(path)).find()) {
                aware.add(path);
            }
        }
        return aware;
    }

    /**
     * Whether the bytes of either word occur at all, which the pattern needs: most third-party files hold neither,
     * and the pattern over every file's text took ~150 ms of a cold start with 5,000 rules. UTF-8 encodes the words'
     * ASCII letters as these very bytes and no other character uses them, so the check never drops a file.
     */
    private static boolean mayNameTheRegion(byte[] content) {
        String bytes = new String(content, StandardCharsets.ISO_8859_1);
        return bytes.contains("region") || bytes.contains("include");
    }
}
