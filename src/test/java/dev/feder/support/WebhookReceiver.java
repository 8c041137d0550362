package dev.feder.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback, as an integrator runs one: it records every request (headers,
 * body, when it arrived) and answers each with the next scripted {@link Answer}, or 204 when none
 * is left. Answers can be slow, to make Feder's attempts time out.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** What the receiver answers to one request. */
  public record Answer(int status, String body, Duration delay, String location) {
    public static Answer status(int status) {
      return new Answer(status, "", Duration.ZERO, null);
    }

    public static Answer failing(int status, String body) {
      return new Answer(status, body, Duration.ZERO, null);
    }

    public static Answer slow(Duration delay) {
      return new Answer(204, "", delay, null);
    }

    public static Answer redirect(String location) {
      return new Answer(307, "", Duration.ZERO, location);
    }
  }

  /** One request the receiver got. */
  public record Received(
      Instant at, String path, Map<String, List<String>> headers, String body, int answered) {

    /** The first value of a header, by case-insensitive name. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
  private final Map<String, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on 127.0.0.1 on a free port. */
  public static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start a webhook receiver", e);
    }
  }

  /** The URL of a path on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers the next requests with these, in order. */
  public void answer(Answer... answers) {
    script.addAll(List.of(answers));
  }

  /** Answers the next requests on {@code path} with these, in order, before any others. */
  public void answer(String path, Answer... answers) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
  }

  /** Everything received so far, in order of arrival. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Everything received on a path. */
  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Waits until {@code count} requests match, at most {@code timeout}; returns those that do. */
  public List<Received> await(Predicate<Received> match, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<Received> matching;
    do {
      matching = received.stream().filter(match).toList();
      if (matching.size() >= count) {
        return matching;
      }
      sleep(50);
    } while (Instant.now().isBefore(deadline));
    return matching;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant at = Instant.now();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values)));
    ConcurrentLinkedDeque<Answer> own = scripts.get(exchange.getRequestURI().getPath());
    Answer answer = own == null ? null : own.pollFirst();
    if (answer == null) {
      answer = script.pollFirst();
    }
    if (answer == null) {
      answer = Answer.status(204);
    }
    received.add(
        new Received(at, exchange.getRequestURI().getPath(), headers, body, answer.status()));
    if (!answer.delay().isZero()) {
      sleep(answer.delay().toMillis());
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.location() != null) {
      exchange.getResponseHeaders().add("Location", answer.location());
    }
    try {
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // The sender gave up waiting.
    } finally {
      exchange.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
