package dev.feder.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling, in the terms Feder's visibility rules need. */
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
}
