package dev.feder.auth;

import dev.feder.web.Reference;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The authors that author tokens act as. Implemented by the author feature, so that auth, which
 * every feature uses for roles and the caller, never imports a feature itself.
 */
public interface TokenAuthors {

  /** The author a reference names; an unknown one is an invalid {@code field}. */
  TokenAuthor resolve(Reference reference, String field);

  /** The authors with these ids; absent ids were deleted (which their tokens prevent). */
  Map<UUID, TokenAuthor> byIds(Collection<UUID> ids);
}
