package dev.feder.auth;

import dev.feder.config.FederConfig;
import io.quarkus.security.AuthenticationFailedException;
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

/** Accepts the admin token from configuration ({@code feder.auth.bootstrap-token}). */
@ApplicationScoped
public class BootstrapTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final FederConfig config;

  public BootstrapTokenProvider(FederConfig config) {
    this.config = config;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String presented = request.getToken().getToken();
    boolean valid =
        config
            .auth()
            .bootstrapToken()
            .filter(expected -> !expected.isBlank())
            .map(
                expected ->
                    MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8)))
            .orElse(false);
    if (!valid) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("Unknown, revoked or expired token"));
    }
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("bootstrap-admin"))
                .addRole(Roles.ADMIN)
                .build());
  }
}
