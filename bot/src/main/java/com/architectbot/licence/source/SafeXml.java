package com.architectbot.licence.source;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML from a registry, parsed without DTDs, external entities or XInclude: a POM or nuspec is
 * untrusted input (a mirror can serve anything), and XXE would read local files.
 */
public final class SafeXml {

    /** A POM or nuspec is a handful of levels deep; DOM walks recurse per level, so deeper input is refused. */
    public static final int MAX_ELEMENT_DEPTH = 64;
    /** The request headers of a GET for a POM or nuspec. */
    static final Map<String, String> ACCEPT = Map.of("Accept", "application/xml, text/xml");

    private static final String MAX_ELEMENT_DEPTH_PROPERTY =
            "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    /** The default handler prints to stderr; a malformed document is reported by the exception alone. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {}

    /** The root element, or empty when the text is not well-formed XML or declares a DTD. */
    static Optional<Element> root(String xml) {
        try {
            return Optional.of(documentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** The direct child elements with this local name, ignoring namespaces. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The trimmed text of a direct child, whitespace runs collapsed; empty when absent or blank. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name)
                .map(element -> element.getTextContent().strip().replaceAll("\\s+", " "))
                .filter(text -> !text.isEmpty());
    }

    static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /**
     * A parser with every external-resource feature off, that reports problems only by throwing: the one way
     * we read untrusted XML.
     */
    public static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilder builder = factory().newDocumentBuilder();
        builder.setErrorHandler(QUIET);
        return builder;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
