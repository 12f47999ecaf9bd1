package org.yaraguard.engine.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.yaraguard.engine.yara.IncludeResolver;

/** Resolves {@code include} statements against the folder snapshot only: nothing outside the folder is read. */
final class FolderIncludes implements IncludeResolver {

    private final FolderSnapshot snapshot;

    FolderIncludes(FolderSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String resolve(String includeName, String includingFileName) throws IOException {
        Path including = Paths.get(includingFileName == null ? "" : includingFileName);
        Path base = including.getParent() == null ? Paths.get("") : including.getParent();
        Path target = base.resolve(includeName).normalize();
        String relative = target.toString().replace('\\', '/');
        if (target.isAbsolute() || relative.startsWith("../") || relative.equals("..")
                || !snapshot.files().containsKey(relative)) {
            throw new IOException("include \"" + includeName + "\" is not a file inside the rules folder");
        }
        return snapshot.text(relative);
    }
}
