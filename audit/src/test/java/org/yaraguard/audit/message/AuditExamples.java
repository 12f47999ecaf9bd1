package org.yaraguard.audit.message;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * Prints one message of each kind, indented, for docs/audit.md (the messages themselves are one line):
 * {@code java -cp audit/target/classes:audit/target/test-classes org.yaraguard.audit.message.AuditExamples}.
 */
public final class AuditExamples {

    private AuditExamples() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, AuditMessage> examples = new LinkedHashMap<>();
        examples.put("Refused object (Security Alert, YG001)",
                SecurityAlert.of(Samples.detection(Detection.Handling.REFUSED, "reject"), Samples.IDENTITY));
        examples.put("Tagged object (YG002)",
                SecurityAlert.of(Samples.detection(Detection.Handling.TAGGED, "tag"), Samples.IDENTITY));
        examples.put("Logged object (YG003)",
                SecurityAlert.of(Samples.detection(Detection.Handling.LOGGED, "log"), Samples.IDENTITY));
        examples.put("Stored in monitor mode (YG004)",
                SecurityAlert.of(Samples.detection(Detection.Handling.MONITORED, "reject"), Samples.IDENTITY));
        examples.put("Refused, unreadable object: only its hash and entry known (YG001 + YG011)",
                SecurityAlert.of(Samples.unreadable(), Samples.IDENTITY));
        examples.put("Rule set in force (Security Configuration 110129, YG030)",
                SecurityConfiguration.of(Samples.live(), Samples.IDENTITY));
        examples.put("Rules folder refused (YG031)", SecurityConfiguration.of(Samples.refused(), Samples.IDENTITY));
        examples.put("Rules folder restored (YG032)", SecurityConfiguration.of(Samples.restored(), Samples.IDENTITY));
        examples.put("Release (Use of Restricted Function 110132, YG020)",
                RestrictedFunction.of(Samples.review(GuardCode.RELEASE), Samples.IDENTITY));
        examples.put("Purge (YG021)", RestrictedFunction.of(Samples.review(GuardCode.PURGE), Samples.IDENTITY));
        examples.put("Export (YG022)", RestrictedFunction.of(Samples.review(GuardCode.EXPORT), Samples.IDENTITY));
        examples.put("View (YG023)", RestrictedFunction.of(Samples.review(GuardCode.VIEW), Samples.IDENTITY));
        for (Map.Entry<String, AuditMessage> example : examples.entrySet()) {
            byte[] xml = AuditXml.write(example.getValue());
            if (!AuditSchema.problems(xml).isEmpty()) {
                throw new IllegalStateException(example.getKey() + " does not validate: " + AuditSchema.problems(xml));
            }
            System.out.println("### " + example.getKey() + "\n```xml\n" + indent(xml) + "```\n");
        }
    }

    private static String indent(byte[] xml) throws Exception {
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new StreamSource(new ByteArrayInputStream(xml)), new StreamResult(out));
        return out.toString();
    }
}
