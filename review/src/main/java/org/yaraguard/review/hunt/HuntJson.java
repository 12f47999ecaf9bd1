package org.yaraguard.review.hunt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of the report's records, in one place for writer and readers. Unknown fields are ignored so that a
 * reader keeps working with reports written by a later version; instants are ISO-8601 UTC text.
 */
public final class HuntJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                            return Instant.parse(in.getValueAsString());
                        }
                    }));

    private HuntJson() {
    }

    /** One line of {@code hits.jsonl}, without the line end. */
    public static String line(HuntHit hit) {
        return write(hit);
    }

    /** The text of {@code summary.json}. */
    public static String summary(HuntSummary summary) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary is always writable as JSON", e);
        }
    }

    /** A hit from one line of {@code hits.jsonl}; a line that is not a hit (e.g. cut by a crash) is an IOException. */
    public static HuntHit hit(String line) throws IOException {
        return MAPPER.readValue(line, HuntHit.class);
    }

    /** A summary from the text of {@code summary.json}. */
    public static HuntSummary summary(String text) throws IOException {
        return MAPPER.readValue(text, HuntSummary.class);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
