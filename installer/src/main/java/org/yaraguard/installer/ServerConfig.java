package org.yaraguard.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A WildFly server configuration file (standalone.xml, dcm4chee-arc.xml …) edited offline: the ee subsystem's
 * global modules and the server's system properties. Only elements we own are touched; everything else, comments
 * included, is written back as it was read. Every change is idempotent.
 */
public final class ServerConfig {

    private static final String DOMAIN_NS_PREFIX = "urn:jboss:domain:";
    private static final String EE_NS_PREFIX = "urn:jboss:domain:ee:";

    private final Document document;
    private final Element server;

    private ServerConfig(Document document) {
        this.document = document;
        this.server = document.getDocumentElement();
        if (!"server".equals(server.getLocalName()) || server.getNamespaceURI() == null
                || !server.getNamespaceURI().startsWith(DOMAIN_NS_PREFIX)) {
            throw new IllegalArgumentException("not a WildFly standalone server configuration (root element "
                    + server.getNodeName() + ")");
        }
    }

    /** Parses a server configuration; DOCTYPEs are refused (no external entities). */
    public static ServerConfig read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ServerConfig(builder().parse(in));
        } catch (SAXException e) {
            throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** Adds {@code <module name=".." services="true"/>} to the ee subsystem's global modules unless present. */
    public boolean addGlobalModule(String name) {
        Element ee = eeSubsystem();
        Element globalModules = child(ee, "global-modules").orElseGet(() -> {
            Element created = document.createElementNS(ee.getNamespaceURI(), "global-modules");
            // global-modules is the first element of the ee subsystem's schema sequence.
            insertBefore(ee, created, firstElement(ee));
            return created;
        });
        if (moduleEntries(globalModules, name).size() > 0) {
            return false;
        }
        Element module = document.createElementNS(ee.getNamespaceURI(), "module");
        module.setAttribute("name", name);
        module.setAttribute("services", "true");
        insertBefore(globalModules, module, null);
        return true;
    }

    /** Removes the global module entries named {@code name}; an emptied global-modules element is removed too. */
    public boolean removeGlobalModule(String name) {
        Optional<Element> ee = optionalEeSubsystem();
        Optional<Element> globalModules = ee.flatMap(e -> child(e, "global-modules"));
        if (globalModules.isEmpty()) {
            return false;
        }
        List<Element> entries = moduleEntries(globalModules.get(), name);
        entries.forEach(ServerConfig::removeWithIndent);
        if (firstElement(globalModules.get()) == null) {
            removeWithIndent(globalModules.get());
        }
        return !entries.isEmpty();
    }

    /** Sets a system property, replacing the value of an existing one with the same name. */
    public boolean setSystemProperty(String name, String value) {
        Element properties = child(server, "system-properties").orElseGet(() -> {
            Element created = document.createElementNS(server.getNamespaceURI(), "system-properties");
            // The schema order is extensions?, system-properties?, paths?, … : right after extensions.
            Node next = child(server, "extensions").map(ServerConfig::nextElement).orElse(firstElement(server));
            insertBefore(server, created, next);
            return created;
        });
        for (Element property : children(properties, "property")) {
            if (name.equals(property.getAttribute("name"))) {
                if (value.equals(property.getAttribute("value"))) {
                    return false;
                }
                property.setAttribute("value", value);
                return true;
            }
        }
        Element property = document.createElementNS(server.getNamespaceURI(), "property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        insertBefore(properties, property, null);
        return true;
    }

    /** The value of a system property set in this file, if any. */
    public Optional<String> systemProperty(String name) {
        return child(server, "system-properties").flatMap(p -> children(p, "property").stream()
                .filter(e -> name.equals(e.getAttribute("name"))).findFirst()).map(e -> e.getAttribute("value"));
    }

    /** The system properties set in this file whose names start with {@code prefix}, in file order. */
    public Map<String, String> systemProperties(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        child(server, "system-properties").ifPresent(p -> children(p, "property").stream()
                .filter(e -> e.getAttribute("name").startsWith(prefix))
                .forEach(e -> found.put(e.getAttribute("name"), e.getAttribute("value"))));
        return found;
    }

    /** Whether the ee subsystem lists {@code name} as a global module. */
    public boolean hasGlobalModule(String name) {
        return optionalEeSubsystem().flatMap(e -> child(e, "global-modules"))
                .map(g -> !moduleEntries(g, name).isEmpty()).orElse(false);
    }

    /** Removes every system property whose name starts with {@code prefix}; returns how many. */
    public int removeSystemProperties(String prefix) {
        Optional<Element> properties = child(server, "system-properties");
        if (properties.isEmpty()) {
            return 0;
        }
        int removed = 0;
        for (Element property : children(properties.get(), "property")) {
            if (property.getAttribute("name").startsWith(prefix)) {
                removeWithIndent(property);
                removed++;
            }
        }
        if (firstElement(properties.get()) == null) {
            removeWithIndent(properties.get());
        }
        return removed;
    }

    /** Writes the configuration back atomically (temp file in the same folder, then rename), keeping its mode. */
    public void write(Path file) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".yara-guard-", ".xml");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                Transformer transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                document.setXmlStandalone(true);
                transformer.transform(new DOMSource(document), new StreamResult(out));
                out.write('\n');
            }
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (TransformerException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private Element eeSubsystem() {
        return optionalEeSubsystem().orElseThrow(() -> new IllegalArgumentException(
                "the configuration has no ee subsystem (" + EE_NS_PREFIX + "*) in its profile"));
    }

    private Optional<Element> optionalEeSubsystem() {
        return child(server, "profile").flatMap(profile -> children(profile, "subsystem").stream()
                .filter(s -> s.getNamespaceURI() != null && s.getNamespaceURI().startsWith(EE_NS_PREFIX))
                .findFirst());
    }

    private static List<Element> moduleEntries(Element globalModules, String name) {
        List<Element> entries = new ArrayList<>();
        for (Element module : children(globalModules, "module")) {
            if (name.equals(module.getAttribute("name"))) {
                entries.add(module);
            }
        }
        return entries;
    }

    private static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Element nextElement(Element element) {
        for (Node n = element.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** Inserts {@code element} before {@code reference} (null: at the end) on a line of its own, indented. */
    private void insertBefore(Element parent, Element element, Node reference) {
        String indent = "\n" + "    ".repeat(depth(parent) + 1);
        if (reference == null) {
            Node last = parent.getLastChild();
            String closing = "\n" + "    ".repeat(depth(parent));
            if (last != null && last.getNodeType() == Node.TEXT_NODE && last.getTextContent().isBlank()) {
                parent.insertBefore(document.createTextNode(indent), last);
                parent.insertBefore(element, last);
            } else {
                parent.appendChild(document.createTextNode(indent));
                parent.appendChild(element);
                parent.appendChild(document.createTextNode(closing));
            }
            return;
        }
        parent.insertBefore(element, reference);
        parent.insertBefore(document.createTextNode(indent), reference);
    }

    private static int depth(Node node) {
        int depth = 0;
        for (Node n = node.getParentNode(); n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            depth++;
        }
        return depth;
    }

    private static void removeWithIndent(Element element) {
        Node parent = element.getParentNode();
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            parent.removeChild(before);
        }
        parent.removeChild(element);
    }
}
