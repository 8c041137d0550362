package dev.feder.article;

import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Article changes in the audit log, each with the article's status after it. */
@ApplicationScoped
class ArticleAudit {

  private final AuditLog auditLog;
  private final ArticleStates states;
  private final Clock clock = Clock.systemUTC();

  ArticleAudit(AuditLog auditLog, ArticleStates states) {
    this.auditLog = auditLog;
    this.states = states;
  }

  /** Records a successful change by the caller; after the change has been flushed. */
  void record(AuditAction action, Article article, AuditDetails details) {
    auditLog.record(
        action,
        AuditEntityType.ARTICLE,
        article.id,
        article.slug,
        details.withStatus(article.statusAt(clock.instant()).value()));
  }

  /** Records a change Feder made by itself, such as a purge when the retention ended. */
  void record(AuditLog.Actor actor, AuditAction action, Article article) {
    auditLog.record(
        actor,
        action,
        AuditEntityType.ARTICLE,
        article.id,
        article.slug,
        AuditDetails.status(article.statusAt(clock.instant()).value()));
  }

  /** The fields a write changed, from the state {@code before} it to the article as it is now. */
  AuditDetails changes(ArticleInput before, Article article) {
    return AuditDetails.changed(auditLog.changedFields(before, states.of(article)));
  }
}
