package dev.feder.author;

import dev.feder.auth.TokenAuthor;
import dev.feder.auth.TokenAuthors;
import dev.feder.web.Reference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Lets tokens name the author they act as, without auth importing this package. */
@ApplicationScoped
public class AuthorsForTokens implements TokenAuthors {

  private final AuthorService authors;

  public AuthorsForTokens(AuthorService authors) {
    this.authors = authors;
  }

  @Override
  public TokenAuthor resolve(Reference reference, String field) {
    return summary(authors.resolve(reference, field));
  }

  @Override
  public Map<UUID, TokenAuthor> byIds(Collection<UUID> ids) {
    Map<UUID, TokenAuthor> found = new HashMap<>();
    if (!ids.isEmpty()) {
      Author.<Author>list("id in ?1", ids).forEach(a -> found.put(a.id, summary(a)));
    }
    return found;
  }

  private static TokenAuthor summary(Author author) {
    return new TokenAuthor(author.id, author.slug, author.name);
  }
}
