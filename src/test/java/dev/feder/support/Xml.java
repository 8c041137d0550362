package dev.feder.support;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading the XML answers (feeds, sitemap) as namespace-aware DOM documents. */
public final class Xml {

  private Xml() {}

  /** Parses a response as namespace-aware XML; fails when it is not well-formed. */
  public static Document parse(Response response) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    } catch (Exception e) {
      throw new AssertionError("Not well-formed XML: " + response.asString(), e);
    }
  }

  /** The elements with this name anywhere in the document ({@code namespace} null for none). */
  public static List<Element> elements(Document document, String namespace, String name) {
    return elements(document.getElementsByTagNameNS(namespace, name));
  }

  /** The child elements of {@code parent} with this name. */
  public static List<Element> children(Element parent, String namespace, String name) {
    List<Element> children = new ArrayList<>();
    for (Element e : elements(parent.getElementsByTagNameNS(namespace, name))) {
      if (e.getParentNode() == parent) {
        children.add(e);
      }
    }
    return children;
  }

  /** The text of the only child element with this name, or null. */
  public static String text(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    if (found.size() > 1) {
      throw new AssertionError("More than one " + name + " in " + parent.getTagName());
    }
    return found.isEmpty() ? null : found.get(0).getTextContent();
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
