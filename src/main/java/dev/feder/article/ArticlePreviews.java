package dev.feder.article;

import dev.feder.article.preview.PreviewTokens;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.config.FederConfig;
import dev.feder.web.Instants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Preview links of articles, made and revoked by those who may change the article (admins, editors,
 * its own authors), each recorded in the audit log. Reading with one is {@link ArticleService}'s.
 */
@ApplicationScoped
public class ArticlePreviews {

  private final ArticleAccess access;
  private final ArticleAudit audit;
  private final PreviewTokens tokens;
  private final String previewUrl;
  private final Clock clock = Clock.systemUTC();

  ArticlePreviews(
      ArticleAccess access, ArticleAudit audit, PreviewTokens tokens, FederConfig config) {
    this.access = access;
    this.audit = audit;
    this.tokens = tokens;
    this.previewUrl = config.frontend().previewUrl();
  }

  /** Makes a link to the live article with this id, good until the input says or for 24 hours. */
  @Transactional
  public PreviewLink create(UUID id, PreviewLinkInput input) {
    Article article = access.changeable(id);
    Instant requested =
        input == null ? null : Instants.accept(input.expiresAt(), "expiresAt", false);
    PreviewTokens.Issued issued = tokens.issue(article.id, requested, clock.instant());
    audit.record(
        AuditAction.CREATE_PREVIEW_LINK, article, AuditDetails.expiresAt(issued.expiresAt()));
    return PreviewLink.of(article, issued, previewUrl);
  }

  /** Revokes every link to the live article with this id made so far. */
  @Transactional
  public void revokeAll(UUID id) {
    Article article = access.changeable(id);
    tokens.revokeAll(article.id, access.callerName(), clock.instant());
    audit.record(AuditAction.REVOKE_PREVIEW_LINKS, article, AuditDetails.NONE);
  }
}
