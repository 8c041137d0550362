package dev.feder.auth;

import dev.feder.config.FederConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Turns a bearer token into an identity: first the admin token from configuration ({@code
 * feder.auth.bootstrap-token}), then the API tokens in the database. One provider for both, since
 * Quarkus stops at the first provider that fails rather than trying the next.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final FederConfig config;
  private final TokenService tokens;

  public TokenIdentityProvider(FederConfig config, TokenService tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String presented = request.getToken().getToken();
    if (isBootstrapToken(presented)) {
      return Uni.createFrom()
          .item(
              QuarkusSecurityIdentity.builder()
                  .setPrincipal(new QuarkusPrincipal("bootstrap-admin"))
                  .addRole(Roles.ADMIN)
                  .build());
    }
    // The database lookup blocks; runBlocking moves it off the event loop.
    return context.runBlocking(() -> tokens.authenticate(presented));
  }

  private boolean isBootstrapToken(String presented) {
    return config
        .auth()
        .bootstrapToken()
        .filter(expected -> !expected.isBlank())
        .map(
            expected ->
                MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8)))
        .orElse(false);
  }
}
