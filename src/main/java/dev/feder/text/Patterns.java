package dev.feder.text;

/** Regular expressions shared by request validation. */
public final class Patterns {

  /** An absolute http(s) URL without whitespace. */
  public static final String HTTP_URL = "^https?://[^\\s/?#]+[^\\s]*$";

  /** A BCP 47 language tag such as {@code de}, {@code en-GB} or {@code zh-Hant-TW}. */
  public static final String LANGUAGE = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$";

  private Patterns() {}
}
