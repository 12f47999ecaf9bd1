package org.yaraguard.engine.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaraguard.engine.yara.IncludeResolver;

/**
 * Resolves {@code include} statements against the folder snapshot only: nothing outside the folder is read. A name
 * resolves relative to the including file, as {@code yara} does.
 *
 * <p>libyara tells the resolver which file includes by the name written in the statement, not by where that name
 * led, so a nested include could not know its folder. The text of an included file therefore goes back with each
 * of its own includes rewritten to {@code /} + the path from the folder root; a leading {@code /} always means the
 * folder root here, never the file system's.
 */
final class FolderIncludes implements IncludeResolver {

    /** Only statements that start a line: the same words in a regular expression or string stay untouched. */
    private static final Pattern INCLUDE = Pattern.compile("(?m)^([ \\t]*include[ \\t]+\")([^\"\\r\\n]+)(\")");

    private final FolderSnapshot snapshot;

    FolderIncludes(FolderSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String resolve(String includeName, String includingFileName) throws IOException {
        String relative = folderPath(includeName, fileName(includingFileName == null ? "" : includingFileName));
        if (relative == null || !snapshot.files().containsKey(relative)) {
            throw new IOException("include \"" + includeName + "\" is not a file inside the rules folder");
        }
        return withFolderPaths(snapshot.text(relative), relative);
    }

    @Override
    public String fileName(String includedName) {
        return includedName.startsWith("/") ? includedName.substring(1) : includedName;
    }

    /** The path from the folder root that {@code name} means in the file at {@code including}; null if outside. */
    private static String folderPath(String name, String including) {
        Path target;
        if (name.startsWith("/")) {
            target = Paths.get(name.substring(1)).normalize();
        } else {
            Path base = Paths.get(including).getParent();
            target = (base == null ? Paths.get(name) : base.resolve(name)).normalize();
        }
        String relative = target.toString().replace('\\', '/');
        return target.isAbsolute() || relative.startsWith("../") || relative.equals("..") ? null : relative;
    }

    private static String withFolderPaths(String text, String path) {
        Matcher matcher = INCLUDE.matcher(text);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            String target = folderPath(matcher.group(2), path);
            String name = target == null ? matcher.group(2) : "/" + target;
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(matcher.group(1) + name + matcher.group(3)));
        }
        return matcher.appendTail(rewritten).toString();
    }
}
