package dev.feder.bench.seed;

import static dev.feder.bench.seed.NewsText.cap;
import static dev.feder.bench.seed.NewsText.pick;

import dev.feder.bench.seed.Vocabulary.Section;
import dev.feder.text.Slugs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The paper's categories (a two-level tree: the sections of the {@link Vocabulary} with their
 * subsections) and its 50 authors, as Feder stores them.
 */
final class Newsroom {

  static final int AUTHORS = 50;

  /**
   * A category.
   *
   * @param root the position of its section, which picks the topic of its articles
   */
  record Category(
      UUID id, String slug, String name, int root, Category parent, int position, Instant at) {

    String description() {
      return parent == null
          ? "Alles aus dem Ressort " + name + ": Nachrichten, Hintergründe und Analysen."
          : "Berichte und Hintergründe zu " + name + " im Ressort " + parent.name() + ".";
    }
  }

  record Author(UUID id, String slug, String name, String bio, Instant at) {}

  final List<Category> categories = new ArrayList<>();
  final List<Category> leaves = new ArrayList<>();
  final List<Category> roots = new ArrayList<>();
  final List<Author> authors = new ArrayList<>();

  /** Categories and authors from the random numbers of r, created at {@code created}. */
  Newsroom(Vocabulary v, SplittableRandom r, Instant created) {
    Section[] sections = v.sections();
    for (int rootPosition = 0; rootPosition < sections.length; rootPosition++) {
      Section section = sections[rootPosition];
      Category root = category(r, section.name(), null, rootPosition, rootPosition, created);
      categories.add(root);
      roots.add(root);
      String[] children = section.subsections();
      for (int k = 0; k < children.length; k++) {
        Category child = category(r, children[k], root, k, rootPosition, created);
        categories.add(child);
        leaves.add(child);
      }
    }
    Set<String> taken = new HashSet<>();
    while (authors.size() < AUTHORS) {
      String name = pick(r, v.firstNames()) + " " + pick(r, v.lastNames());
      String slug = Slugs.slugify(name, "author");
      if (!taken.add(slug)) {
        continue;
      }
      UUID id = Generator.uuid(r);
      String beat = pick(r, v.beats());
      String bio =
          name
              + " schreibt seit "
              + (2000 + r.nextInt(24))
              + " für Feder über "
              + beat
              + ". "
              + cap(pick(r, v.bioSentences()));
      Instant at = created.plus(Duration.ofDays(r.nextInt(400)));
      authors.add(new Author(id, slug, name, bio, at));
    }
  }

  private static Category category(
      SplittableRandom r, String name, Category parent, int position, int root, Instant at) {
    return new Category(
        Generator.uuid(r), Slugs.slugify(name, "category"), name, root, parent, position, at);
  }

  void insert(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into category (id, slug, name, description, parent_id, position, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      for (Category cat : categories) {
        s.setObject(1, cat.id());
        s.setString(2, cat.slug());
        s.setString(3, cat.name());
        s.setString(4, cat.description());
        s.setObject(5, cat.parent() == null ? null : cat.parent().id());
        s.setInt(6, cat.position());
        s.setObject(7, Timestamp.from(cat.at()));
        s.setObject(8, Timestamp.from(cat.at()));
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into author (id, slug, name, bio, email, avatar_url, website, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      for (Author a : authors) {
        s.setObject(1, a.id());
        s.setString(2, a.slug());
        s.setString(3, a.name());
        s.setString(4, a.bio());
        s.setString(5, a.slug().replace('-', '.') + "@example.org");
        s.setString(6, "https://images.example.org/autoren/" + a.slug() + ".jpg");
        s.setString(7, "https://www.example.org/autoren/" + a.slug());
        s.setObject(8, Timestamp.from(a.at()));
        s.setObject(9, Timestamp.from(a.at()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
