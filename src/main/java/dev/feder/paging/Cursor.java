package dev.feder.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort it belongs to and the key values of the last item served. The
 * next page is then "everything after these values", which costs the same on page 5,000 as on page
 * 1 (no OFFSET).
 *
 * @param sort the canonical sort spec
 * @param values the key values, as strings (null for a null key)
 */
public record Cursor(String sort, List<String> values) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The opaque form sent to clients. */
  public String encode() {
    List<String> all = new ArrayList<>();
    all.add(sort);
    all.addAll(values);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes a cursor sent back by a client for the given sort; anything else is a 400. */
  public static Cursor decode(String raw, SortOrder order) {
    List<String> all;
    try {
      all =
          JSON.readValue(
              new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8),
              new TypeReference<List<String>>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid("is not a cursor this API issued");
    }
    // The sort spec and the last key, the id, are never null; other keys may be (nulls last).
    if (all == null
        || all.size() != order.keys().size() + 1
        || all.get(0) == null
        || all.get(all.size() - 1) == null
        || all.stream().anyMatch(v -> v != null && v.chars().anyMatch(Character::isISOControl))) {
      throw invalid("is not a cursor this API issued");
    }
    if (!order.spec().equals(all.get(0))) {
      throw invalid("belongs to sort '" + all.get(0) + "'; send the same sort with it");
    }
    return new Cursor(
        all.get(0),
        java.util.Collections.unmodifiableList(new ArrayList<>(all.subList(1, all.size()))));
  }

  private static ProblemException invalid(String message) {
    return ProblemException.badParameter("cursor", message);
  }
}
