package org.yaraguard.engine.yara;

/** Supplies the source of a YARA {@code include}; throws to refuse it (the message becomes a compile error). */
@FunctionalInterface
public interface IncludeResolver {

    /**
     * @param includeName       the name written in the {@code include} statement
     * @param includingFileName the file holding the statement (as given to {@link YaraCompiler#addSource} or as
     *                          returned for an outer include)
     */
    String resolve(String includeName, String includingFileName) throws java.io.IOException;

    /** How an included file is named in compile errors, given the name libyara knows it by. */
    default String fileName(String includedName) {
        return includedName;
    }
}
