package dev.feder.auth;

import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import dev.feder.error.ProblemException;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.persistence.ReadOnly;
import dev.feder.web.Instants;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Rules for API tokens: issuing, listing, revoking, and checking a presented secret. */
@ApplicationScoped
public class TokenService {

  /** The identity attribute that holds the author id of an author token. */
  static final String AUTHOR_ID = "feder.author-id";

  private static final Sort NEWEST_FIRST =
      Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

  private final TokenAuthors authors;
  private final AuditLog auditLog;
  private final Clock clock = Clock.systemUTC();

  public TokenService(TokenAuthors authors, AuditLog auditLog) {
    this.authors = authors;
    this.auditLog = auditLog;
  }

  @Transactional
  @ReadOnly
  public Page<Token> list(PageRequest request) {
    PanacheQuery<ApiToken> query = ApiToken.findAll(NEWEST_FIRST);
    query.page(request.page() - 1, request.size());
    List<ApiToken> page = query.list();
    Map<UUID, TokenAuthor> byId =
        authors.byIds(page.stream().map(t -> t.authorId).filter(Objects::nonNull).toList());
    return new Page<>(
        page.stream().map(t -> Token.from(t, byId.get(t.authorId))).toList(),
        request,
        query.count());
  }

  @Transactional
  @ReadOnly
  public Token get(UUID id) {
    return view(find(id));
  }

  /** Issues a token; the answer is the only place its secret ever appears. */
  @Transactional
  public CreatedToken create(TokenInput input) {
    Instant now = clock.instant();
    ApiToken token = new ApiToken();
    token.id = UUID.randomUUID();
    token.name = input.name();
    token.role = input.role().value();
    if (input.role() == TokenRole.AUTHOR) {
      if (input.author() == null) {
        throw ProblemException.invalidField("author", "is required for role author");
      }
      token.authorId = authors.resolve(input.author(), "author").id();
    } else if (input.author() != null) {
      throw ProblemException.invalidField("author", "is only allowed for role author");
    }
    Instant expiresAt = Instants.accept(input.expiresAt(), "expiresAt", false);
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw ProblemException.invalidField("expiresAt", "must be a future instant");
    }
    token.expiresAt = expiresAt;
    token.createdAt = Instants.accept(now, "createdAt", false);
    String secret = TokenSecrets.generate();
    token.tokenHash = TokenSecrets.hash(secret);
    token.persist();
    ApiToken.flush();
    // The role only: the secret and its hash never enter the log.
    auditLog.record(
        AuditAction.CREATE,
        AuditEntityType.TOKEN,
        token.id,
        token.name,
        AuditDetails.role(token.role));
    return CreatedToken.of(view(token), secret);
  }

  private Token view(ApiToken token) {
    return Token.from(
        token,
        token.authorId == null ? null : authors.byIds(List.of(token.authorId)).get(token.authorId));
  }

  /** Revokes a token at once; revoking a revoked token again changes nothing. */
  @Transactional
  public void revoke(UUID id) {
    ApiToken token =
        ApiToken.<ApiToken>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ProblemException.notFound("Token " + id));
    if (token.revokedAt == null) {
      token.revokedAt = Instants.accept(clock.instant(), "revokedAt", false);
      auditLog.record(
          AuditAction.REVOKE, AuditEntityType.TOKEN, token.id, token.name, AuditDetails.NONE);
    }
  }

  /**
   * The identity of a presented secret: principal the token's name, its role, and for author tokens
   * the author id as an attribute. Blocking: call it off the event loop.
   *
   * @throws AuthenticationFailedException for an unknown, revoked or expired token
   */
  @Transactional
  @ReadOnly
  public SecurityIdentity authenticate(String secret) {
    ApiToken token =
        ApiToken.findByHash(TokenSecrets.hash(secret))
            .filter(t -> t.isActiveAt(clock.instant()))
            .orElseThrow(
                () -> new AuthenticationFailedException("Unknown, revoked or expired token"));
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(token.name))
            .addRole(token.role);
    if (token.authorId != null) {
      identity.addAttribute(AUTHOR_ID, token.authorId);
    }
    return identity.build();
  }

  private static ApiToken find(UUID id) {
    return ApiToken.<ApiToken>findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Token " + id));
  }
}
