package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.text.HtmlLines;
import dev.feder.text.LineDiff;
import dev.feder.web.Reference;
import dev.feder.web.WireValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field that differs between two revisions. A {@code value} change has {@code before} and
 * {@code after}; a {@code list} change has {@code added}, {@code removed}, {@code reordered} and
 * both full lists; a {@code text} change (the body) has {@code hunks}.
 */
@Schema(
    name = "ArticleChange",
    description =
        "One field that differs. kind value: before and after (absent when the field was not"
            + " set); kind list: added, removed, reordered, itemsBefore and itemsAfter; kind text"
            + " (the body): hunks of a line diff of the sanitized HTML, one line per paragraph,"
            + " heading, list item or other block.")
public record ArticleChange(
    @Schema(
            required = true,
            description =
                "The field as in ArticleInput; parts of source, featuredImage and seo are named"
                    + " with a dot",
            examples = "title")
        String field,
    @Schema(
            required = true,
            description = "value: a single value; list: authors, tags or related; text: the body")
        Kind kind,
    @Schema(
            description =
                "kind value: the older value; references by slug, instants in ISO-8601; absent"
                    + " when unset",
            examples = "Zweite Fassung")
        String before,
    @Schema(description = "kind value: the newer value; absent when unset", examples = "Neu")
        String after,
    @Schema(description = "kind list: items only in the newer list (authors and related by slug)")
        List<String> added,
    @Schema(description = "kind list: items only in the older list") List<String> removed,
    @Schema(description = "kind list: whether the items in both lists changed their order")
        Boolean reordered,
    @Schema(description = "kind list: the whole older list") List<String> itemsBefore,
    @Schema(description = "kind list: the whole newer list") List<String> itemsAfter,
    @Schema(description = "kind text: the changed lines with one line of context around them")
        List<LineDiff.Hunk> hunks) {

  /** Unchanged body lines shown around a change. */
  static final int CONTEXT = 1;

  /** How a field changed. */
  @Schema(name = "ArticleChangeKind")
  public enum Kind implements WireValue {
    VALUE,
    LIST,
    TEXT;

    @JsonValue
    @Override
    public String toString() {
      return WireValue.of(this);
    }
  }

  private static final ArticleInput EMPTY =
      new ArticleInput(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null);

  /** The fields that differ from {@code before} (null: the empty article) to {@code after}. */
  static List<ArticleChange> between(ArticleInput before, ArticleInput after) {
    ArticleInput a = before == null ? EMPTY : before;
    ArticleInput b = after;
    List<ArticleChange> changes = new ArrayList<>();
    value(changes, "title", a.title(), b.title());
    value(changes, "slug", a.slug(), b.slug());
    value(changes, "subtitle", a.subtitle(), b.subtitle());
    value(changes, "excerpt", a.excerpt(), b.excerpt());
    text(changes, "body", a.body(), b.body());
    value(changes, "language", a.language(), b.language());
    value(changes, "status", statusValue(a.status()), statusValue(b.status()));
    value(changes, "publishedAt", iso(a.publishedAt()), iso(b.publishedAt()));
    reference(changes, "category", a.category(), b.category());
    list(changes, "authors", a.authors(), b.authors(), ArticleChange::key, Reference::slug);
    list(changes, "tags", a.tags(), b.tags(), tag -> tag, tag -> tag);
    list(changes, "related", a.related(), b.related(), ArticleChange::key, Reference::slug);
    value(
        changes,
        "source.name",
        part(a.source(), ArticleSource::name),
        part(b.source(), ArticleSource::name));
    value(
        changes,
        "source.url",
        part(a.source(), ArticleSource::url),
        part(b.source(), ArticleSource::url));
    value(
        changes,
        "featuredImage.asset",
        part(a.featuredImage(), ArticleChange::assetId),
        part(b.featuredImage(), ArticleChange::assetId));
    value(
        changes,
        "featuredImage.url",
        part(a.featuredImage(), FeaturedImageInput::url),
        part(b.featuredImage(), FeaturedImageInput::url));
    value(
        changes,
        "featuredImage.alt",
        part(a.featuredImage(), FeaturedImageInput::alt),
        part(b.featuredImage(), FeaturedImageInput::alt));
    value(
        changes,
        "featuredImage.caption",
        part(a.featuredImage(), FeaturedImageInput::caption),
        part(b.featuredImage(), FeaturedImageInput::caption));
    value(
        changes,
        "featuredImage.credit",
        part(a.featuredImage(), FeaturedImageInput::credit),
        part(b.featuredImage(), FeaturedImageInput::credit));
    value(changes, "seo.metaTitle", part(a.seo(), Seo::metaTitle), part(b.seo(), Seo::metaTitle));
    value(
        changes,
        "seo.metaDescription",
        part(a.seo(), Seo::metaDescription),
        part(b.seo(), Seo::metaDescription));
    value(
        changes,
        "seo.canonicalUrl",
        part(a.seo(), Seo::canonicalUrl),
        part(b.seo(), Seo::canonicalUrl));
    return changes;
  }

  private static void value(List<ArticleChange> changes, String field, String a, String b) {
    if (!Objects.equals(a, b)) {
      changes.add(new ArticleChange(field, Kind.VALUE, a, b, null, null, null, null, null, null));
    }
  }

  /** References are the same when they name the same id; they are shown by slug. */
  private static void reference(
      List<ArticleChange> changes, String field, Reference a, Reference b) {
    if (!Objects.equals(a == null ? null : key(a), b == null ? null : key(b))) {
      changes.add(
          new ArticleChange(
              field,
              Kind.VALUE,
              a == null ? null : a.slug(),
              b == null ? null : b.slug(),
              null,
              null,
              null,
              null,
              null,
              null));
    }
  }

  private static <T> void list(
      List<ArticleChange> changes,
      String field,
      List<T> a,
      List<T> b,
      Function<T, Object> key,
      Function<T, String> shown) {
    List<T> older = a == null ? List.of() : a;
    List<T> newer = b == null ? List.of() : b;
    List<Object> olderKeys = older.stream().map(key).toList();
    List<Object> newerKeys = newer.stream().map(key).toList();
    List<String> added =
        newer.stream().filter(i -> !olderKeys.contains(key.apply(i))).map(shown).toList();
    List<String> removed =
        older.stream().filter(i -> !newerKeys.contains(key.apply(i))).map(shown).toList();
    boolean reordered =
        !olderKeys.stream()
            .filter(newerKeys::contains)
            .toList()
            .equals(newerKeys.stream().filter(olderKeys::contains).toList());
    if (!added.isEmpty() || !removed.isEmpty() || reordered) {
      changes.add(
          new ArticleChange(
              field,
              Kind.LIST,
              null,
              null,
              added,
              removed,
              reordered,
              older.stream().map(shown).toList(),
              newer.stream().map(shown).toList(),
              null));
    }
  }

  private static void text(List<ArticleChange> changes, String field, String a, String b) {
    List<LineDiff.Hunk> hunks = LineDiff.hunks(HtmlLines.of(a), HtmlLines.of(b), CONTEXT);
    if (!hunks.isEmpty()) {
      changes.add(
          new ArticleChange(field, Kind.TEXT, null, null, null, null, null, null, null, hunks));
    }
  }

  /** Stored references always hold the id; the slug is a fallback for hand-made states. */
  private static Object key(Reference reference) {
    return reference.id() != null ? reference.id() : reference.slug();
  }

  private static String assetId(FeaturedImageInput image) {
    return image.asset() == null ? null : String.valueOf(image.asset().id());
  }

  private static <P> String part(P part, Function<P, String> value) {
    return part == null ? null : value.apply(part);
  }

  private static String statusValue(ArticleStatus status) {
    return status == null ? null : status.value();
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
