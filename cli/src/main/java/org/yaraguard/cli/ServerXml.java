package org.yaraguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The system properties of a WildFly server configuration (standalone xml), read only, with no DTD and no external
 * entities (a configuration file is not trusted to reach the network or other files), and the server folders its
 * place implies ({@code .../standalone/configuration/X.xml} → {@code jboss.server.data.dir} …).
 */
final class ServerXml {

    private ServerXml() {
    }

    /** The {@code <system-properties>} of the file, name → value as written (expressions unresolved). */
    static Map<String, String> systemProperties(Path file) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            NodeList lists = builder().parse(in).getElementsByTagNameNS("*", "system-properties");
            for (int i = 0; i < lists.getLength(); i++) {
                for (Node n = lists.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && "property".equals(e.getLocalName())) {
                        properties.put(e.getAttribute("name"), e.getAttribute("value"));
                    }
                }
            }
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable server configuration: " + e.getMessage());
        }
        return properties;
    }

    /** The server folders implied by where a server configuration lies, when it lies in a {@code configuration} folder. */
    static Map<String, String> serverFolders(Path configFile) {
        Map<String, String> folders = new LinkedHashMap<>();
        Path config = configFile.toAbsolutePath().normalize().getParent();
        if (config == null || !config.getFileName().toString().equals("configuration") || config.getParent() == null) {
            return folders;
        }
        Path base = config.getParent();
        folders.put("jboss.server.base.dir", base.toString());
        folders.put("jboss.server.config.dir", config.toString());
        folders.put("jboss.server.data.dir", base.resolve("data").toString());
        folders.put("jboss.server.log.dir", base.resolve("log").toString());
        folders.put("jboss.server.temp.dir", base.resolve("tmp").toString());
        folders.put("jboss.server.deploy.dir", base.resolve("data/content").toString());
        if (base.getParent() != null) {
            folders.put("jboss.home.dir", base.getParent().toString());
        }
        return folders;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
