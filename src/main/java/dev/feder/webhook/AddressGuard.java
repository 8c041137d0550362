package dev.feder.webhook;

import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks from reaching into the network Feder runs in (server-side request forgery): their
 * URLs must be http or https, and their host must not be or resolve to an address in a private,
 * loopback, link-local or otherwise internal range, unless {@code
 * feder.webhooks.allow-private-networks} is on.
 *
 * <p>The check runs when a URL is registered and again right before every delivery, after DNS
 * resolution, so a name that later resolves to an internal address (DNS rebinding) is refused then.
 * The connection uses the address just checked: the JVM keeps a resolved name for 30 seconds
 * ({@code networkaddress.cache.ttl}), far longer than the check takes.
 */
@ApplicationScoped
class AddressGuard {

  /** A URL that may not be delivered to. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final boolean allowPrivate;

  @Inject
  AddressGuard(FederConfig config) {
    this(config.webhooks().allowPrivateNetworks());
  }

  AddressGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * A URL from a write payload as a URI, or a 400 on {@code url} saying what is wrong. A host name
   * that cannot be resolved now is accepted: the check before each delivery applies to it.
   */
  URI checkRegistered(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid("must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("must not contain credentials; verify the signature instead");
    }
    if (uri.getRawFragment() != null) {
      throw invalid("must not contain a fragment");
    }
    try {
      check(uri);
    } catch (Refused e) {
      throw invalid(e.getMessage());
    } catch (UnknownHostException e) {
      // Not resolvable from here now: checked again before every delivery.
    }
    return uri;
  }

  /** Resolves the URL's host and refuses internal addresses; before every delivery. */
  void checkBeforeDelivery(URI uri) throws Refused {
    try {
      check(uri);
    } catch (UnknownHostException e) {
      throw new Refused("The host " + uri.getHost() + " cannot be resolved");
    }
  }

  private void check(URI uri) throws Refused, UnknownHostException {
    if (allowPrivate) {
      return;
    }
    for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
      if (isInternal(address)) {
        throw new Refused(
            "resolves to "
                + address.getHostAddress()
                + ", an address in a private, loopback or link-local range (allowed only with"
                + " FEDER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
      }
    }
  }

  /** Whether an address lies in a range that is not the public internet. */
  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xFF;
      if ((first & 0xFE) == 0xFC) {
        return true; // unique local fc00::/7
      }
      if (isEmbeddedIpv4(b)) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 one. */
  private static boolean isEmbeddedIpv4(byte[] b) {
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    boolean nat64 =
        (b[0] & 0xFF) == 0x00
            && (b[1] & 0xFF) == 0x64
            && (b[2] & 0xFF) == 0xFF
            && (b[3] & 0xFF) == 0x9B;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    return compatible || nat64;
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalidField("url", message);
  }
}
