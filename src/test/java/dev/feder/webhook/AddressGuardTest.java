package dev.feder.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.error.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server-side request forgery: with private networks not allowed (the default; the other tests
 * allow them to deliver to loopback), URLs into internal ranges are refused when registered and,
 * after resolving the name, before a delivery.
 */
class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(false);

  @Test
  void internalAddressesAreRefusedWhenRegistered() {
    for (String url :
        List.of(
            "http://127.0.0.1/hook",
            "http://127.8.9.10:8080/hook",
            "http://localhost:3000/api/revalidate",
            "http://[::1]/hook",
            "http://10.0.0.5/hook",
            "http://172.16.3.4/hook",
            "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/hook",
            "http://[fd00::1]/hook",
            "http://100.64.0.1/hook",
            "http://0.0.0.0/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://[64:ff9b::a9fe:a9fe]/hook")) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> guard.checkRegistered(url), url);
      assertEquals("url", refused.errors().get(0).field(), url);
      assertTrue(
          refused.errors().get(0).message().contains("FEDER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS"), url);
    }
  }

  @Test
  void publicAddressesAndUnresolvableNamesAreAccepted() {
    assertEquals(
        URI.create("https://93.184.215.14/hook"),
        guard.checkRegistered("https://93.184.215.14/hook"));
    assertDoesNotThrow(() -> guard.checkRegistered("http://[2606:4700::6810:84e5]/hook"));
    // Not resolvable now: accepted, and checked again before every delivery.
    assertDoesNotThrow(() -> guard.checkRegistered("https://hooks.zeitung.invalid/feder"));
    assertThrows(
        AddressGuard.Refused.class,
        () -> guard.checkBeforeDelivery(URI.create("https://hooks.zeitung.invalid/feder")));
  }

  @Test
  void theCheckBeforeADeliveryResolvesTheNameAgain() {
    // A name that resolves to loopback (as a rebinding name would by then) is refused at delivery.
    AddressGuard.Refused refused =
        assertThrows(
            AddressGuard.Refused.class,
            () -> guard.checkBeforeDelivery(URI.create("http://localhost:8080/hook")));
    assertTrue(refused.getMessage().contains("127.0.0.1") || refused.getMessage().contains("::1"));
    assertDoesNotThrow(
        () -> new AddressGuard(true).checkBeforeDelivery(URI.create("http://localhost:8080/")));
  }

  @Test
  void rangesAreClassified() throws UnknownHostException {
    for (String internal :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.1.1",
            "::1",
            "fe80::1",
            "fc00::1",
            "100.127.255.255",
            "198.18.0.1",
            "240.0.0.1",
            "224.0.0.1")) {
      assertTrue(AddressGuard.isInternal(InetAddress.getByName(internal)), internal);
    }
    for (String external :
        List.of("93.184.215.14", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2606:4700::6810:84e5")) {
      assertFalse(AddressGuard.isInternal(InetAddress.getByName(external)), external);
    }
  }
}
