package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.source.SafeXml;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The first, safe look at a user's POM: well-formed, no DTD, no external entities, and the project's
 * own coordinates. Maven's model builder reads it properly afterwards.
 */
final class PomXml {

    /** Stands in for a version or group given as an expression (CI-friendly {@code ${revision}}). */
    static final String PLACEHOLDER_VERSION = "0-manifest";

    static final String PLACEHOLDER_GROUP = "manifest";

    record Coordinates(String groupId, String artifactId, String version) {}

    private PomXml() {}

    static Coordinates coordinates(CheckInput.Manifest manifest) {
        if (manifest.content().contains("<!DOCTYPE")) {
            throw Malformed.manifest(
                    manifest, "it declares a DOCTYPE, which a POM has no use for and which we do not read");
        }
        Element project = parse(manifest).getDocumentElement();
        if (!"project".equals(name(project))) {
            throw Malformed.manifest(manifest, "its root element is <" + name(project) + ">, not <project>");
        }
        Element parent = child(project, "parent");
        String artifactId = text(project, "artifactId");
        if (artifactId == null) {
            throw Malformed.manifest(manifest, "<project> has no <artifactId>");
        }
        String groupId = firstConstant(
                text(project, "groupId"), parent == null ? null : text(parent, "groupId"), PLACEHOLDER_GROUP);
        String version = firstConstant(
                text(project, "version"), parent == null ? null : text(parent, "version"), PLACEHOLDER_VERSION);
        return new Coordinates(groupId, artifactId.contains("${") ? "manifest" : artifactId, version);
    }

    private static org.w3c.dom.Document parse(CheckInput.Manifest manifest) {
        try {
            return SafeXml.documentBuilder().parse(new InputSource(new StringReader(manifest.content())));
        } catch (SAXParseException e) {
            throw Malformed.manifest(
                    manifest,
                    "it is not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + " ("
                            + Malformed.firstLine(e.getMessage()) + ")",
                    e);
        } catch (SAXException | IOException e) {
            throw Malformed.manifest(
                    manifest, "it is not well-formed XML (" + Malformed.firstLine(e.getMessage()) + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refused secure settings", e);
        }
    }

    private static String firstConstant(String own, String inherited, String placeholder) {
        String value = own != null ? own : inherited;
        return value == null || value.contains("${") ? placeholder : value;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(name(element))) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null || element.getTextContent().isBlank()
                ? null
                : element.getTextContent().strip();
    }

    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
