package dev.feder.text;

/**
 * Integers as request parameters write them: ASCII digits only. {@link Integer#parseInt} also reads
 * other scripts' digits ({@code ١} is 1) and a sign, which would make one page answer under many
 * URLs.
 */
public final class AsciiIntegers {

  private AsciiIntegers() {}

  /** The value of 1 to 10 ASCII digits within the range of an int, or null for anything else. */
  public static Integer parse(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 10) {
      return null;
    }
    long value = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return value <= Integer.MAX_VALUE ? (int) value : null;
  }
}
