package org.yaraguard.audit.message;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link AuditMessage} as the XML of PS3.15 A.5.1 (UTF-8, one line). Every text comes from a sender, a
 * reviewer or a rule file, so each passes {@link #clean}: the writer escapes markup, and clean removes what XML
 * cannot carry at all; ParticipantObjectDetail values are base64 as the schema wants.
 */
public final class AuditXml {

    /** Longest text written for one value; the rest is cut, so a hostile value cannot swell a message. */
    static final int MAX_TEXT = 1024;

    /**
     * The JDK's own factory, never one a deployment brings: its escaping is what the tests saw. Made once (making one
     * costs more than writing a message); without the reuse-instance property each call gets a writer of its own, so
     * threads share it safely.
     */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private AuditXml() {
    }

    /** The message as UTF-8 XML. */
    public static byte[] write(AuditMessage message) {
        // Characters first, encoded once: the JDK's UTF-8 stream writer hands an OutputStream one byte per call.
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AuditMessage");
            event(xml, message.event());
            for (ActiveParticipant participant : message.participants()) {
                participant(xml, participant);
            }
            source(xml, message.source());
            for (ParticipantObject object : message.objects()) {
                object(xml, object);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an audit message", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void event(XMLStreamWriter xml, EventIdentification event) throws XMLStreamException {
        xml.writeStartElement("EventIdentification");
        xml.writeAttribute("EventActionCode", String.valueOf(event.action()));
        xml.writeAttribute("EventDateTime", event.at().truncatedTo(ChronoUnit.MILLIS).toString());
        xml.writeAttribute("EventOutcomeIndicator", event.outcome().indicator());
        code(xml, "EventID", event.eventId());
        for (Code type : event.eventTypes()) {
            code(xml, "EventTypeCode", type);
        }
        if (event.description() != null) {
            xml.writeStartElement("EventOutcomeDescription");
            xml.writeCharacters(clean(event.description()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void participant(XMLStreamWriter xml, ActiveParticipant participant) throws XMLStreamException {
        xml.writeStartElement("ActiveParticipant");
        xml.writeAttribute("UserID", clean(participant.userId()));
        optional(xml, "AlternativeUserID", participant.alternativeUserId());
        optional(xml, "UserName", participant.userName());
        xml.writeAttribute("UserIsRequestor", String.valueOf(participant.requestor()));
        if (participant.hostType() != null) {
            xml.writeAttribute("NetworkAccessPointID", clean(participant.host()));
            xml.writeAttribute("NetworkAccessPointTypeCode", participant.hostType());
        }
        for (Code role : participant.roles()) {
            code(xml, "RoleIDCode", role);
        }
        xml.writeEndElement();
    }

    private static void source(XMLStreamWriter xml, AuditSource source) throws XMLStreamException {
        xml.writeStartElement("AuditSourceIdentification");
        optional(xml, "AuditEnterpriseSiteID", source.enterpriseSiteId());
        xml.writeAttribute("AuditSourceID", clean(source.sourceId()));
        xml.writeEmptyElement("AuditSourceTypeCode");
        xml.writeAttribute("csd-code", AuditSource.APPLICATION_SERVER);
        xml.writeEndElement();
    }

    private static void object(XMLStreamWriter xml, ParticipantObject object) throws XMLStreamException {
        xml.writeStartElement("ParticipantObjectIdentification");
        xml.writeAttribute("ParticipantObjectID", clean(object.id()));
        xml.writeAttribute("ParticipantObjectTypeCode", object.typeCode());
        xml.writeAttribute("ParticipantObjectTypeCodeRole", object.role());
        code(xml, "ParticipantObjectIDTypeCode", object.idType());
        if (object.name() != null) {
            xml.writeStartElement("ParticipantObjectName");
            xml.writeCharacters(clean(object.name()));
            xml.writeEndElement();
        }
        for (ParticipantObject.Detail detail : object.details()) {
            xml.writeEmptyElement("ParticipantObjectDetail");
            xml.writeAttribute("type", clean(detail.type()));
            xml.writeAttribute("value", Base64.getEncoder().encodeToString(
                    cut(detail.value()).getBytes(StandardCharsets.UTF_8)));
        }
        if (object.dicom() != null) {
            description(xml, object.dicom());
        }
        xml.writeEndElement();
    }

    private static void description(XMLStreamWriter xml, ParticipantObject.DicomDescription dicom)
            throws XMLStreamException {
        xml.writeStartElement("ParticipantObjectDescription");
        if (dicom.accession() != null) {
            xml.writeEmptyElement("Accession");
            xml.writeAttribute("Number", clean(dicom.accession()));
        }
        if (dicom.sopClassUid() != null || !dicom.instanceUids().isEmpty()) {
            xml.writeStartElement("SOPClass");
            optional(xml, "UID", dicom.sopClassUid());
            xml.writeAttribute("NumberOfInstances", String.valueOf(dicom.instanceUids().size()));
            for (String instance : dicom.instanceUids()) {
                xml.writeEmptyElement("Instance");
                xml.writeAttribute("UID", clean(instance));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void code(XMLStreamWriter xml, String element, Code code) throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute("csd-code", code.code());
        xml.writeAttribute("codeSystemName", code.scheme());
        xml.writeAttribute("originalText", code.meaning());
    }

    private static void optional(XMLStreamWriter xml, String attribute, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            xml.writeAttribute(attribute, clean(value));
        }
    }

    /**
     * The text as XML 1.0 can carry it: characters XML forbids (most controls, lone surrogates, U+FFFE/U+FFFF) and
     * line breaks and tabs (an attribute would lose them anyway) become U+FFFD; at most {@link #MAX_TEXT} characters.
     */
    static String clean(String text) {
        String value = cut(text);
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean bad = !pair && (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF);
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(value.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? value : out.toString();
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "…";
    }
}
