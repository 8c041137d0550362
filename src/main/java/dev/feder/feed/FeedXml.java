package dev.feder.feed;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes feeds and the sitemap as XML with the JDK's StAX writer, which escapes markup characters.
 * Characters that XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped, so
 * every document is well-formed whatever text an article holds.
 */
final class FeedXml {

  /** RSS 2.0. */
  static final String RSS = "application/rss+xml";

  /** Atom (RFC 4287). */
  static final String ATOM = "application/atom+xml";

  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final Map<String, String> PREFIXES = Map.of("atom", ATOM_NS, "dc", DC_NS);

  private FeedXml() {}

  /**
   * RSS 2.0. Authors go into {@code dc:creator}, because RSS's own {@code author} must be an email
   * address, and authors' email addresses are private.
   */
  static String rss(Feed feed, URI self) {
    return write(
        xml -> {
          xml.open("rss");
          xml.attribute("version", "2.0");
          xml.namespace("atom", ATOM_NS);
          xml.namespace("dc", DC_NS);
          xml.open("channel");
          xml.element("title", feed.title());
          xml.element("link", feed.link());
          xml.element("description", feed.description());
          xml.empty("atom:link", "href", self.toString(), "rel", "self", "type", RSS);
          xml.element("lastBuildDate", rfc1123(feed.updated()));
          xml.element("generator", "Feder");
          for (FeedEntry entry : feed.entries()) {
            xml.open("item");
            xml.element("title", entry.title());
            xml.element("link", entry.link());
            xml.open("guid");
            xml.attribute("isPermaLink", "false");
            xml.text(entry.id().toString());
            xml.closeInline();
            xml.element("pubDate", rfc1123(entry.published()));
            xml.element("description", entry.summary());
            for (String author : entry.authors()) {
              xml.element("dc:creator", author);
            }
            xml.element("category", entry.categoryName());
            xml.close();
          }
          xml.close();
          xml.close();
        });
  }

  /** Atom; an entry without a byline names the site as its author, as Atom requires one. */
  static String atom(Feed feed, URI self) {
    return write(
        xml -> {
          xml.open("feed");
          xml.defaultNamespace(ATOM_NS);
          xml.element("id", feed.id());
          xml.element("title", feed.title());
          xml.element("subtitle", feed.description());
          xml.element("updated", rfc3339(feed.updated()));
          xml.empty("link", "rel", "alternate", "type", "text/html", "href", feed.link());
          xml.empty("link", "rel", "self", "type", ATOM, "href", self.toString());
          xml.element("generator", "Feder");
          for (FeedEntry entry : feed.entries()) {
            xml.open("entry");
            xml.element("id", "urn:uuid:" + entry.id());
            xml.element("title", entry.title());
            xml.empty("link", "rel", "alternate", "type", "text/html", "href", entry.link());
            xml.element("published", rfc3339(entry.published()));
            xml.element("updated", rfc3339(entry.updated()));
            for (String author :
                entry.authors().isEmpty() ? List.of(feed.title()) : entry.authors()) {
              xml.open("author");
              xml.element("name", author);
              xml.close();
            }
            xml.empty("category", "term", entry.categorySlug(), "label", entry.categoryName());
            xml.element("summary", entry.summary());
            xml.close();
          }
          xml.close();
        });
  }

  /** A sitemaps.org sitemap. */
  static String sitemap(List<SitemapUrl> urls) {
    return write(
        xml -> {
          xml.open("urlset");
          xml.defaultNamespace(SITEMAP_NS);
          for (SitemapUrl url : urls) {
            xml.open("url");
            xml.element("loc", url.loc());
            xml.element("lastmod", rfc3339(url.lastModified()));
            xml.close();
          }
          xml.close();
        });
  }

  static String rfc1123(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  static String rfc3339(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code text} without the characters XML 1.0 does not allow. */
  static String clean(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(clean::appendCodePoint);
    return clean.toString();
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      writer.writeStartDocument("UTF-8", "1.0");
      body.write(new Xml(writer));
      writer.writeCharacters("\n");
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write XML", e);
    }
    return out.toString();
  }

  @FunctionalInterface
  private interface Body {
    void write(Xml xml) throws XMLStreamException;
  }

  /** A thin, indenting layer over the StAX writer; null texts leave their element out. */
  private static final class Xml {

    private final XMLStreamWriter writer;
    private int depth;

    Xml(XMLStreamWriter writer) {
      this.writer = writer;
    }

    void open(String name) throws XMLStreamException {
      indent();
      start(name, false);
      depth++;
    }

    void close() throws XMLStreamException {
      depth--;
      indent();
      writer.writeEndElement();
    }

    /** Closes an element whose text follows its start tag on the same line. */
    void closeInline() throws XMLStreamException {
      depth--;
      writer.writeEndElement();
    }

    void element(String name, String text) throws XMLStreamException {
      if (text == null) {
        return;
      }
      indent();
      start(name, false);
      writer.writeCharacters(clean(text));
      writer.writeEndElement();
    }

    void empty(String name, String... attributes) throws XMLStreamException {
      indent();
      start(name, true);
      for (int i = 0; i < attributes.length; i += 2) {
        if (attributes[i + 1] != null) {
          attribute(attributes[i], attributes[i + 1]);
        }
      }
    }

    void attribute(String name, String value) throws XMLStreamException {
      writer.writeAttribute(name, clean(value));
    }

    void text(String text) throws XMLStreamException {
      writer.writeCharacters(clean(text));
    }

    void namespace(String prefix, String uri) throws XMLStreamException {
      writer.writeNamespace(prefix, uri);
    }

    void defaultNamespace(String uri) throws XMLStreamException {
      writer.writeDefaultNamespace(uri);
    }

    /** Starts {@code name}, which may carry one of the {@link #PREFIXES} declared on the root. */
    private void start(String name, boolean empty) throws XMLStreamException {
      int colon = name.indexOf(':');
      if (colon < 0) {
        if (empty) {
          writer.writeEmptyElement(name);
        } else {
          writer.writeStartElement(name);
        }
        return;
      }
      String prefix = name.substring(0, colon);
      String local = name.substring(colon + 1);
      if (empty) {
        writer.writeEmptyElement(prefix, local, PREFIXES.get(prefix));
      } else {
        writer.writeStartElement(prefix, local, PREFIXES.get(prefix));
      }
    }

    private void indent() throws XMLStreamException {
      writer.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
