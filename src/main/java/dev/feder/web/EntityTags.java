package dev.feder.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Strong entity tags: a digest of the exact JSON bytes of a representation. Reads and write
 * preconditions use the same function, so the ETag a client read is the one its {@code If-Match}
 * must carry.
 */
@ApplicationScoped
public class EntityTags {

  private final ObjectMapper mapper;

  public EntityTags(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Serializes a representation exactly as a response would. */
  public byte[] serialize(Object representation) {
    try {
      return mapper.writeValueAsBytes(representation);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ETag of a representation. */
  public String of(Object representation) {
    return ofBytes(serialize(representation));
  }

  /** The ETag of serialized bytes. */
  public static String ofBytes(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks a write's {@code If-Match} against the current representation: 428 when it is missing,
   * 412 (with the current ETag) when it is stale.
   */
  public void checkIfMatch(String ifMatch, Object current) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Send the ETag you last read in an If-Match header, so no newer change is overwritten");
    }
    String etag = of(current);
    if (!matches(ifMatch, etag)) {
      throw new ProblemException(
              ProblemType.PRECONDITION_FAILED,
              "The resource changed since you read it; read it again and reapply your change")
          .withHeaders(Map.of("ETag", etag));
    }
  }

  /** Whether a list of entity tags (or {@code *}) matches, by strong comparison. */
  public static boolean matches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a list of entity tags (or {@code *}) matches, by weak comparison. */
  public static boolean matchesWeakly(String header, String etag) {
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }
}
