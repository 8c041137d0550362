package dev.feder.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the tests: s3proxy (the S3 protocol over a folder), started once per test
 * run in a process of its own from the jar the build copies to {@code target/s3proxy}, so its
 * Jetty, Jackson and logging never meet Quarkus' on the class path. Stopped when the JVM exits.
 */
public final class S3ProxyServer {

  public static final String IDENTITY = "feder-test";
  public static final String CREDENTIAL = "feder-test-secret";
  public static final String REGION = "us-east-1";

  private static S3ProxyServer running;

  private final URI endpoint;
  private final Process process;

  private S3ProxyServer(URI endpoint, Process process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  /** The server, started on first use. */
  public static synchronized S3ProxyServer get() {
    if (running == null || !running.process.isAlive()) {
      running = start();
    }
    return running;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client of the server, as Feder's adapter configures one. */
  public S3Client client() {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(credentials())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL));
  }

  /** Creates a bucket; an existing one is fine. */
  public void createBucket(String bucket) {
    try (S3Client client = client()) {
      if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
        client.createBucket(request -> request.bucket(bucket));
      }
    }
  }

  private static S3ProxyServer start() {
    try {
      Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
      if (!Files.exists(jar)) {
        throw new IllegalStateException(jar + " is missing; the build copies it (mvn test)");
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path data = Files.createTempDirectory("feder-s3proxy");
      Path properties = data.resolve("s3proxy.properties");
      Files.createDirectories(data.resolve("blobs"));
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + IDENTITY,
              "s3proxy.credential=" + CREDENTIAL,
              "jclouds.provider=filesystem-nio2",
              "jclouds.identity=" + IDENTITY,
              "jclouds.credential=" + CREDENTIAL,
              "jclouds.filesystem.basedir=" + data.resolve("blobs"),
              ""));
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-jar",
                  jar.toString(),
                  "--properties",
                  properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("s3proxy.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      awaitListening(endpoint, process, data.resolve("s3proxy.log"));
      return new S3ProxyServer(endpoint, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitListening(URI endpoint, Process process, Path log) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.getResponseCode();
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
    process.destroy();
    throw new IllegalStateException("s3proxy did not start within 90 s: " + Files.readString(log));
  }
}
