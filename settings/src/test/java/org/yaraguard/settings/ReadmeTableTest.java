package org.yaraguard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the one list for people, Schema the one list in the code: they must agree. */
class ReadmeTableTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(yara-guard\\.[a-z0-9.-]+)` \\|");

    @Test
    void everyNameTheCodeReadsIsInTheReadmeTableAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = ROW.matcher(readme);
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> read = Schema.settings().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("names in the README's configuration table").containsExactlyElementsOf(read);
    }
}
