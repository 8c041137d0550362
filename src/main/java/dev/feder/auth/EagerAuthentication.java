package dev.feder.auth;

import dev.feder.web.SameForEveryCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request that carries an {@code Authorization} header, also on public
 * reads that never ask who is calling. Proactive authentication is off (so that failures reach the
 * problem+json mappers), which on its own would check a token only where the identity happens to be
 * consulted: a bad token would be a 401 on one read and silently ignored on the next. Documents
 * that are {@link SameForEveryCaller the same for every caller} (feeds, sitemaps) ignore
 * credentials by design and are left alone.
 */
public class EagerAuthentication {

  private final CurrentIdentityAssociation identities;

  public EagerAuthentication(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  @ServerRequestFilter
  public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource) {
    if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
        || ignoresCredentials(resource)) {
      return Uni.createFrom().voidItem();
    }
    return identities.getDeferredIdentity().replaceWithVoid();
  }

  private static boolean ignoresCredentials(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(SameForEveryCaller.class);
  }
}
