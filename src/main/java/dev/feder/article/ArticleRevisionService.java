package dev.feder.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.auth.Caller;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.event.EntityState;
import dev.feder.persistence.ReadOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The revisions of articles: every create, replace, patch and restore stores the article's state as
 * its next revision ({@link #record}, also what a restore from the trash calls), and editors list,
 * read, compare and restore them.
 */
@ApplicationScoped
public class ArticleRevisionService {

  private final ArticleAccess access;
  private final ArticleStates states;
  private final ArticleAudit audit;
  private final ArticleEvents events;
  private final Caller caller;
  private final ObjectMapper mapper;
  private final Clock clock;

  ArticleRevisionService(
      ArticleAccess access,
      ArticleStates states,
      ArticleAudit audit,
      ArticleEvents events,
      Caller caller,
      ObjectMapper mapper,
      Clock clock) {
    this.access = access;
    this.states = states;
    this.audit = audit;
    this.events = events;
    this.caller = caller;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The revisions of an article, newest first. */
  @Transactional
  @ReadOnly
  public ArticleRevisions list(UUID id) {
    requireArticle(id);
    return new ArticleRevisions(
        ArticleRevision.newestFirst(id).stream().map(ArticleRevisionItem::from).toList());
  }

  /** One revision of an article with the state it stored. */
  @Transactional
  @ReadOnly
  public ArticleRevisionResponse get(UUID id, int number) {
    requireArticle(id);
    ArticleRevision revision = find(id, number);
    return new ArticleRevisionResponse(
        revision.revision,
        revision.createdAt,
        revision.createdBy,
        ArticleState.of(readState(revision.state)));
  }

  /**
   * What changed from revision {@code from} (by default the one before; 0 is the empty article) to
   * revision {@code number}, as each stored it.
   */
  @Transactional
  @ReadOnly
  public ArticleRevisionDiff diff(UUID id, int number, Integer from) {
    requireArticle(id);
    ArticleInput after = readState(find(id, number).state);
    int base = from != null ? from : number - 1;
    ArticleInput before = base == 0 ? null : readState(find(id, base).state);
    return new ArticleRevisionDiff(base, number, ArticleChange.between(before, after));
  }

  /**
   * Brings back the state of an earlier revision like a PUT of it (slug, sanitizing and references
   * are applied again) and records the result as a new revision. Pinned articles deleted since are
   * left out, as deleting an article unpins it everywhere; a category or author deleted since is a
   * conflict naming the field, since the article cannot simply do without them.
   */
  @Transactional
  public ArticleResponse restore(UUID id, int number, String ifMatch) {
    Article article = access.lockForWrite(id, ifMatch);
    EntityState announced = events.state(article);
    ArticleInput before = states.of(article);
    ArticleInput input = withoutDeletedPins(readState(find(id, number).state));
    try {
      states.apply(article, input);
    } catch (ProblemException e) {
      // The stored state was valid when written: what fails now is a reference deleted since.
      throw e.type() == ProblemType.VALIDATION ? referenceGone(number, e) : e;
    }
    access.requireOwnByline(article);
    record(article);
    AuditDetails changes = audit.changes(before, article);
    audit.record(AuditAction.RESTORE_REVISION, article, changes.withFromRevision(number));
    events.changed(announced, article, changes.changed());
    return access.view(article);
  }

  /**
   * Writes the article's pending changes, the assets it uses and its state as its next revision:
   * after every change of an article's state. The caller holds the article's row lock (or has just
   * created it), so two writes cannot pick the same number.
   */
  void record(Article article) {
    Article.flush();
    states.recordAssetUses(article);
    ArticleRevision revision = new ArticleRevision();
    revision.id = UUID.randomUUID();
    revision.article = article;
    revision.revision = ArticleRevision.nextNumber(article.id);
    try {
      revision.state = mapper.writeValueAsString(states.of(article));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize article " + article.id, e);
    }
    revision.createdBy = caller.name();
    revision.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    revision.persist();
  }

  private static ArticleInput withoutDeletedPins(ArticleInput input) {
    if (input.related() == null) {
      return input;
    }
    return input.withRelated(
        input.related().stream()
            .filter(pin -> pin.id() == null || Article.findLive(pin.id()).isPresent())
            .toList());
  }

  private static ProblemException referenceGone(int number, ProblemException invalid) {
    String what =
        invalid.errors() == null || invalid.errors().isEmpty()
            ? invalid.getMessage()
            : invalid.errors().get(0).field() + ": " + invalid.errors().get(0).message();
    return new ProblemException(
        ProblemType.CONFLICT,
        "Revision "
            + number
            + " names something deleted since ("
            + what
            + "); read its state, replace the reference and send it as a PUT",
        invalid.errors());
  }

  private static void requireArticle(UUID id) {
    if (Article.findLive(id).isEmpty()) {
      throw ProblemException.notFound("Article " + id);
    }
  }

  private static ArticleRevision find(UUID id, int number) {
    return ArticleRevision.find(id, number)
        .orElseThrow(() -> ProblemException.notFound("Revision " + number + " of article " + id));
  }

  /**
   * A stored state as input. A state saved while the article was scheduled reads as published once
   * its time has passed, since scheduling needs a future instant.
   */
  private ArticleInput readState(String state) {
    try {
      ObjectNode tree = (ObjectNode) mapper.readTree(state);
      JsonNode publishedAt = tree.get("publishedAt");
      if ("scheduled".equals(tree.path("status").asText())
          && publishedAt != null
          && publishedAt.isTextual()
          && !Instant.parse(publishedAt.asText()).isAfter(clock.instant())) {
        tree.put("status", "published");
      }
      return mapper.treeToValue(tree, ArticleInput.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored article revision", e);
    }
  }
}
