package dev.feder.article;

import dev.feder.auth.Caller;
import dev.feder.author.Author;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.web.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What the caller may see and change of an article: anonymous readers only what is public now;
 * author tokens change only articles whose byline lists their author; every write names the
 * representation it last read ({@code If-Match}).
 */
@ApplicationScoped
class ArticleAccess {

  private final Caller caller;
  private final EntityTags tags;
  private final Clock clock = Clock.systemUTC();

  ArticleAccess(Caller caller, EntityTags tags) {
    this.caller = caller;
    this.tags = tags;
  }

  /** Whether the caller sees drafts, scheduled and archived articles (any token does). */
  boolean seesUnpublished() {
    return caller.seesUnpublished();
  }

  /** The caller's name, which revisions and the trash record. */
  String callerName() {
    return caller.name();
  }

  /** The article as the caller reads it. */
  ArticleResponse view(Article article) {
    return ArticleResponse.from(article, clock.instant(), caller.seesUnpublished());
  }

  /** The article found, if the caller may see it; else a 404 naming {@code what}. */
  Article visible(Optional<? extends Article> found, String what) {
    Article article = found.orElseThrow(() -> ProblemException.notFound(what));
    if (!caller.seesUnpublished() && !article.isPublicAt(clock.instant())) {
      throw ProblemException.notFound(what);
    }
    return article;
  }

  /**
   * The live article with this id, row-locked for a write, once the caller may change it and its
   * {@code If-Match} names the current representation: 404, 403, 428 or 412 otherwise.
   */
  Article lockForWrite(UUID id, String ifMatch) {
    Article article =
        Article.<Article>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> !found.inTrash())
            .orElseThrow(() -> ProblemException.notFound("Article " + id));
    // Ownership before the precondition: an author learns nothing about others' articles' ETags.
    if (!ownsByline(article)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "An author token may only change articles whose byline lists its author");
    }
    tags.checkIfMatch(ifMatch, view(article));
    return article;
  }

  /**
   * An author token writes only articles whose byline lists its author; an empty byline becomes its
   * author alone, and a byline without it is refused, so authors cannot give away their articles.
   */
  void requireOwnByline(Article article) {
    if (!caller.writesOnlyOwnArticles()) {
      return;
    }
    if (article.authors.isEmpty()) {
      caller
          .authorId()
          .flatMap(id -> Author.<Author>findByIdOptional(id))
          .ifPresent(article.authors::add);
    }
    if (!ownsByline(article)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "An author token may only write articles whose byline lists its author");
    }
  }

  /** Whether the caller may change this article as it stands (editors and admins: always). */
  boolean ownsByline(Article article) {
    if (!caller.writesOnlyOwnArticles()) {
      return true;
    }
    return caller
        .authorId()
        .map(id -> article.authors.stream().anyMatch(a -> a.id.equals(id)))
        .orElse(false);
  }
}
