package org.yaraguard.audit.message;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The DICOM audit message schema (PS3.15 A.5.1.1, RELAX NG compact, in test resources) as Jing validates it; public
 * for the it-tests, which validate what the repository received (they need Jing on their test class path too).
 */
public final class AuditSchema {

    private AuditSchema() {
    }

    /** The schema's complaints about {@code xml}: empty when it validates. */
    public static List<String> problems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(new InputSource(AuditSchema.class.getResource("audit-message.rnc").toString()))) {
                throw new IllegalStateException("the audit message schema does not load: " + problems);
            }
            if (!driver.validate(new InputSource(new ByteArrayInputStream(xml))) && problems.isEmpty()) {
                problems.add("invalid");
            }
        } catch (Exception e) {
            problems.add(e.toString());
        }
        return problems;
    }
}
