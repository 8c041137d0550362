package dev.feder.webhook;

import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends webhooks: one thread dispatches new events into deliveries and claims due ones (see {@link
 * Deliveries}), a bounded pool sends them, {@code feder.webhooks.concurrency} at a time, with the
 * JDK's HTTP client: HTTP/1.1, no redirects followed, {@code feder.webhooks.timeout} to connect and
 * to answer, the address checked against {@link AddressGuard} before each attempt, at most 2,000
 * characters of an answer kept.
 *
 * <p>It wakes when content changes on any instance (the database's notification that every event
 * comes with), when a delivery finishes, when one is asked for, and at the latest after {@link
 * #POLL}, for retries that have come due.
 */
@ApplicationScoped
class WebhookWorker {

  private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
  static final Duration POLL = Duration.ofMillis(500);
  private static final int DISPATCH_BATCH = 500;

  private final Deliveries deliveries;
  private final AddressGuard guard;
  private final MeterRegistry registry;
  private final TransactionSynchronizationRegistry transactions;
  private final int concurrency;
  private final Duration timeout;
  private final Semaphore slots;
  private final Object signal = new Object();
  private boolean signalled;
  private volatile boolean running;
  private Thread loop;
  private ExecutorService senders;
  private HttpClient client;

  WebhookWorker(
      Deliveries deliveries,
      AddressGuard guard,
      MeterRegistry registry,
      TransactionSynchronizationRegistry transactions,
      FederConfig config) {
    this.deliveries = deliveries;
    this.guard = guard;
    this.registry = registry;
    this.transactions = transactions;
    this.concurrency = config.webhooks().concurrency();
    this.timeout = config.webhooks().timeout();
    this.slots = new Semaphore(concurrency);
  }

  void start(@Observes StartupEvent event) {
    senders =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread thread = new Thread(task, "feder-webhook-sender");
              thread.setDaemon(true);
              return thread;
            });
    client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    running = true;
    loop = new Thread(this::run, "feder-webhooks");
    loop.setDaemon(true);
    loop.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (loop != null) {
      loop.interrupt();
    }
    if (senders != null) {
      // Deliveries in flight keep their claim until it lapses; then any instance sends them again.
      senders.shutdownNow();
    }
  }

  /** Wakes the worker once the current transaction has ended: it made a delivery due. */
  void wakeAfterCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            wake();
          }
        });
  }

  /** New events or deliveries may be waiting. */
  void wake() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  void onContentChanged(@Observes ContentChanged change) {
    wake();
  }

  private void run() {
    long lastFailure = 0;
    while (running) {
      try {
        if (deliveries.hasNewEvents()) {
          while (deliveries.dispatch(DISPATCH_BATCH) == DISPATCH_BATCH) {
            // more events are waiting
          }
        }
        int free = slots.availablePermits();
        if (free > 0) {
          for (Deliveries.Claimed claimed : deliveries.claim(free)) {
            slots.acquireUninterruptibly();
            senders.execute(() -> sendAndRecord(claimed));
          }
        }
      } catch (RuntimeException e) {
        // The database may be away; say so once a minute, not twice a second.
        if (System.currentTimeMillis() - lastFailure > 60_000) {
          LOG.warnf("Webhook deliveries are held up: %s", e.toString());
        }
        lastFailure = System.currentTimeMillis();
      }
      await();
    }
  }

  private void await() {
    synchronized (signal) {
      if (!signalled) {
        try {
          signal.wait(POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      signalled = false;
    }
  }

  private void sendAndRecord(Deliveries.Claimed claimed) {
    try {
      Deliveries.Outcome outcome = send(claimed);
      if (outcome == null) {
        return;
      }
      Deliveries.Result result = deliveries.complete(claimed, outcome);
      registry
          .counter("feder.webhooks.attempts", "result", result.name().toLowerCase(Locale.ROOT))
          .increment();
      Timer.builder("feder.webhooks.attempt.duration")
          .description("How long webhook delivery attempts took")
          .register(registry)
          .record(Duration.ofMillis(outcome.latencyMs()));
    } catch (RuntimeException e) {
      LOG.warnf("Recording a webhook delivery failed; it is sent again later: %s", e.toString());
    } finally {
      slots.release();
      wake();
    }
  }

  /** One attempt; null when the sender was stopped meanwhile. */
  private Deliveries.Outcome send(Deliveries.Claimed claimed) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> answer = null;
    try {
      URI uri = URI.create(claimed.url());
      guard.checkBeforeDelivery(uri);
      long timestamp = Instant.now().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "Feder-Webhooks/1")
              .header("webhook-id", claimed.messageId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  WebhookSignature.header(
                      claimed.secrets(), claimed.messageId(), timestamp, claimed.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(claimed.payload(), StandardCharsets.UTF_8))
              .build();
      answer = client.sendAsync(request, info -> new TruncatedBody());
      HttpResponse<String> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Deliveries.Outcome(response.statusCode(), response.body(), since(start), null);
    } catch (AddressGuard.Refused e) {
      return failure(start, "Refused: " + e.getMessage());
    } catch (TimeoutException e) {
      answer.cancel(true);
      return failure(start, noAnswer());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        return failure(start, noAnswer());
      }
      if (cause instanceof ConnectException) {
        return failure(start, "Could not connect: " + message(cause));
      }
      if (cause instanceof IOException) {
        return failure(start, "The connection failed: " + message(cause));
      }
      return failure(start, "The request failed: " + message(cause));
    } catch (IllegalArgumentException e) {
      return failure(start, "Not a URL that can be requested: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (answer != null) {
        answer.cancel(true);
      }
      return null;
    }
  }

  private String noAnswer() {
    return "No answer within " + timeout.toSeconds() + " seconds";
  }

  private static Deliveries.Outcome failure(long start, String error) {
    return new Deliveries.Outcome(
        null, null, since(start), error.length() > 500 ? error.substring(0, 500) : error);
  }

  private static String message(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static int since(long start) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Keeps the first {@link Deliveries#BODY_LIMIT} bytes of an answer and reads past the rest, as
   * text without NUL characters (which the database cannot store).
   */
  static final class TruncatedBody implements HttpResponse.BodySubscriber<String> {

    private final CompletableFuture<String> body = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int room = Deliveries.BODY_LIMIT - kept.size();
        if (room > 0) {
          byte[] bytes = new byte[Math.min(room, buffer.remaining())];
          buffer.get(bytes);
          kept.write(bytes, 0, bytes.length);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      String text = kept.toString(StandardCharsets.UTF_8).replace("\u0000", "");
      body.complete(
          text.length() > Deliveries.BODY_LIMIT ? text.substring(0, Deliveries.BODY_LIMIT) : text);
    }
  }
}
