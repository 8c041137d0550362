package dev.feder.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** Who is calling, in the terms Feder's visibility and ownership rules need. */
@RequestScoped
public class Caller {

  private final SecurityIdentity identity;

  public Caller(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** Anonymous callers see only published content and no private fields. */
  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  /** Whether the caller may see drafts, scheduled and archived items and private fields. */
  public boolean seesUnpublished() {
    return !identity.isAnonymous();
  }

  /** The name recorded for the caller's changes. */
  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  /** The author an author token writes as; empty for every other caller. */
  public Optional<UUID> authorId() {
    return Optional.ofNullable(identity.<UUID>getAttribute(TokenService.AUTHOR_ID));
  }

  /**
   * Whether the caller may write only articles that list its own author: an author token, as
   * opposed to editors and admins, who may write all content.
   */
  public boolean writesOnlyOwnArticles() {
    return identity.hasRole(Roles.AUTHOR)
        && !identity.hasRole(Roles.EDITOR)
        && !identity.hasRole(Roles.ADMIN);
  }
}
