package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** YARA Guard's private block as the archive serves it back in WADO-RS metadata (DICOM JSON of the stored file). */
final class ServedTags {

    static final String CREATOR = "YARA GUARD 1.0";

    private ServedTags() {
    }

    /** The block's slot ("10" … "FF") in group 0077, if our creator is in the served object. */
    static Optional<String> slot(JsonNode instance) {
        for (Iterator<String> tags = instance.fieldNames(); tags.hasNext(); ) {
            String tag = tags.next();
            if (tag.startsWith("007700") && CREATOR.equals(instance.path(tag).path("Value").path(0).asText())) {
                return Optional.of(tag.substring(6));
            }
        }
        return Optional.empty();
    }

    /** Asserts that the served object carries our block: action TAG, the rule, the SHA-256 as received. */
    static void assertTagged(JsonNode instance, String rule, String sha256) {
        Optional<String> slot = slot(instance);
        assertThat(slot).as("our private creator in the served object %s", instance).isPresent();
        String block = "0077" + slot.get();
        assertThat(values(instance, block + "10")).containsExactly("TAG");
        assertThat(values(instance, block + "11")).contains(rule);
        assertThat(values(instance, block + "12")).singleElement().asString().hasSize(64);
        assertThat(values(instance, block + "13")).containsExactly(sha256);
    }

    private static List<String> values(JsonNode instance, String tag) {
        List<String> values = new ArrayList<>();
        instance.path(tag).path("Value").forEach(v -> values.add(v.asText()));
        return values;
    }
}
