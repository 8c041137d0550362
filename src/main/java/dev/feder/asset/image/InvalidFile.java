package dev.feder.asset.image;

/** A file the media library refuses, with the reason a client can act on. */
public class InvalidFile extends RuntimeException {

  /** Why a file is refused. */
  public enum Reason {
    /** Not a kind of file the library accepts, or a file pretending to be one (polyglots). */
    UNSUPPORTED,
    /** A file of an accepted kind that cannot be read: truncated, corrupt, empty. */
    CORRUPT,
    /** An image with more pixels than allowed: a decompression bomb, or just too big. */
    TOO_MANY_PIXELS
  }

  private final Reason reason;

  public InvalidFile(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static InvalidFile corrupt(FileType type, String what) {
    return new InvalidFile(Reason.CORRUPT, "is not a readable " + type.name() + " file: " + what);
  }

  static InvalidFile truncated(FileType type) {
    return corrupt(type, "it ends too early (truncated)");
  }

  static InvalidFile polyglot(FileType type, String what) {
    return new InvalidFile(
        Reason.UNSUPPORTED,
        "is a "
            + type.name()
            + " file that also carries "
            + what
            + " (a polyglot file); upload the image alone");
  }
}
