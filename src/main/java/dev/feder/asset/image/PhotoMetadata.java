package dev.feder.asset.image;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What an agency photo says about itself, read from its IPTC, XMP and EXIF metadata (in that order
 * of preference, as agencies fill IPTC first), plus the EXIF orientation. Read from JPEG, WebP and
 * GIF files; PNG text chunks are not read, since they may be compressed without bound.
 *
 * @param title the headline (IPTC Headline, XMP photoshop:Headline, IPTC Object Name, dc:title)
 * @param caption the description (IPTC Caption-Abstract, dc:description, EXIF ImageDescription)
 * @param credit the credit line: provider and creator, e.g. {@code dpa / Max Muster}
 * @param copyright the copyright notice (IPTC, dc:rights, EXIF Copyright)
 * @param source the source (IPTC Source, photoshop:Source)
 * @param orientation the EXIF orientation, 1 (upright) to 8
 */
public record PhotoMetadata(
    String title, String caption, String credit, String copyright, String source, int orientation) {

  private static final Logger LOG = Logger.getLogger(PhotoMetadata.class);

  /** A file that says nothing about itself. */
  public static final PhotoMetadata NONE = new PhotoMetadata(null, null, null, null, null, 1);

  /** Whether the orientation turns the picture by 90 degrees, so width and height swap. */
  public boolean swapsDimensions() {
    return orientation >= 5 && orientation <= 8;
  }

  /** Reads the metadata of a file; a file whose metadata cannot be read says nothing. */
  public static PhotoMetadata read(FileType type, Path file) {
    Metadata metadata;
    try {
      metadata =
          switch (type) {
            case JPEG -> JpegMetadataReader.readMetadata(file.toFile());
            case WEBP -> WebpMetadataReader.readMetadata(file.toFile());
            case GIF -> GifMetadataReader.readMetadata(file.toFile());
            default -> null;
          };
    } catch (Exception | StackOverflowError e) {
      // The container walk decides whether the file is acceptable; its metadata is a bonus.
      LOG.debugf("Unreadable metadata in an uploaded %s: %s", type, e);
      return NONE;
    }
    if (metadata == null) {
      return NONE;
    }
    IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
    ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    XMPMeta xmp = xmp(metadata);

    String title =
        first(
            iptc(iptc, IptcDirectory.TAG_HEADLINE),
            xmpProperty(xmp, XMPConst.NS_PHOTOSHOP, "Headline"),
            iptc(iptc, IptcDirectory.TAG_OBJECT_NAME),
            xmpText(xmp, XMPConst.NS_DC, "title"));
    String caption =
        first(
            iptc(iptc, IptcDirectory.TAG_CAPTION),
            xmpText(xmp, XMPConst.NS_DC, "description"),
            exif(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
    String provider =
        first(
            iptc(iptc, IptcDirectory.TAG_CREDIT),
            xmpProperty(xmp, XMPConst.NS_PHOTOSHOP, "Credit"));
    String creator =
        first(
            iptcAll(iptc, IptcDirectory.TAG_BY_LINE),
            xmpArray(xmp, XMPConst.NS_DC, "creator"),
            exif(exif, ExifIFD0Directory.TAG_ARTIST));
    String copyright =
        first(
            iptc(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE),
            xmpText(xmp, XMPConst.NS_DC, "rights"),
            exif(exif, ExifIFD0Directory.TAG_COPYRIGHT));
    String source =
        first(
            iptc(iptc, IptcDirectory.TAG_SOURCE),
            xmpProperty(xmp, XMPConst.NS_PHOTOSHOP, "Source"));
    return new PhotoMetadata(
        title, caption, credit(provider, creator), copyright, source, orientation(exif));
  }

  /** The credit line: the provider and the creator, each once. */
  private static String credit(String provider, String creator) {
    Set<String> parts = new LinkedHashSet<>();
    Stream.of(provider, creator).filter(Objects::nonNull).forEach(parts::add);
    return parts.isEmpty() ? null : String.join(" / ", parts);
  }

  private static int orientation(ExifIFD0Directory exif) {
    if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
      return 1;
    }
    try {
      int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      return value >= 1 && value <= 8 ? value : 1;
    } catch (MetadataException e) {
      return 1;
    }
  }

  private static XMPMeta xmp(Metadata metadata) {
    XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    return directory == null ? null : directory.getXMPMeta();
  }

  private static String iptc(IptcDirectory iptc, int tag) {
    return iptc == null ? null : clean(iptc.getString(tag));
  }

  private static String iptcAll(IptcDirectory iptc, int tag) {
    if (iptc == null) {
      return null;
    }
    String[] values = iptc.getStringArray(tag);
    if (values == null) {
      return null;
    }
    List<String> cleaned = new ArrayList<>();
    for (String value : values) {
      String v = clean(value);
      if (v != null && !cleaned.contains(v)) {
        cleaned.add(v);
      }
    }
    return cleaned.isEmpty() ? null : String.join(", ", cleaned);
  }

  private static String exif(Directory exif, int tag) {
    return exif == null ? null : clean(exif.getString(tag));
  }

  private static String xmpProperty(XMPMeta xmp, String namespace, String name) {
    try {
      return xmp == null ? null : clean(xmp.getPropertyString(namespace, name));
    } catch (XMPException | RuntimeException e) {
      return null;
    }
  }

  private static String xmpText(XMPMeta xmp, String namespace, String name) {
    try {
      if (xmp == null) {
        return null;
      }
      var text = xmp.getLocalizedText(namespace, name, null, XMPConst.X_DEFAULT);
      return text == null ? null : clean(text.getValue());
    } catch (XMPException | RuntimeException e) {
      return null;
    }
  }

  private static String xmpArray(XMPMeta xmp, String namespace, String name) {
    try {
      if (xmp == null) {
        return null;
      }
      int count = xmp.countArrayItems(namespace, name);
      List<String> items = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        var item = xmp.getArrayItem(namespace, name, i);
        String value = item == null ? null : clean(item.getValue());
        if (value != null) {
          items.add(value);
        }
      }
      return items.isEmpty() ? null : String.join(", ", items);
    } catch (XMPException | RuntimeException e) {
      return null;
    }
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Without control characters and surrounding white space; null when nothing is left. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
              } else if (!Character.isISOControl(c) && c != 0xFFFD) {
                out.appendCodePoint(c);
              }
            });
    String cleaned = out.toString().strip().replaceAll(" {2,}", " ");
    return cleaned.isEmpty() ? null : cleaned;
  }
}
