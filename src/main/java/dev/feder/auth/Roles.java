package dev.feder.auth;

/** The roles a bearer token can carry. */
public final class Roles {

  /** Everything, including tokens. */
  public static final String ADMIN = "admin";

  /** All content. */
  public static final String EDITOR = "editor";

  /** Own articles only. */
  public static final String AUTHOR = "author";

  /** Reads drafts, writes nothing. */
  public static final String VIEWER = "viewer";

  private Roles() {}
}
