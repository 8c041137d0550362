package dev.feder.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers every API request with {@code 503} problem+json and {@code Retry-After} while switched
 * on, as Feder answers requests that need a database it cannot reach: for tests of what the
 * response cache does then, on a database that the other tests still share. Off unless a test
 * switches it on (and off again).
 */
public class SimulatedOutage {

  private static volatile boolean on;

  static void start() {
    on = true;
  }

  static void stop() {
    on = false;
  }

  @ServerRequestFilter
  public Optional<Response> unavailable(ContainerRequestContext request) {
    if (!on || !request.getUriInfo().getPath().startsWith("/api/")) {
      return Optional.empty();
    }
    return Optional.of(
        Response.status(503)
            .type("application/problem+json")
            .header("Retry-After", 5)
            .entity(
                "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\","
                    + "\"status\":503,\"detail\":\"The database cannot be reached\"}")
            .build());
  }
}
