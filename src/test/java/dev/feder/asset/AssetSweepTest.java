package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What is left in the storage when uploads go wrong: a crash between storing a file and writing its
 * row leaves an object the sweep removes; racing uploads of the same bytes leave one asset and one
 * file; uploads beyond the limit in flight are refused before their bodies are read.
 */
@QuarkusTest
class AssetSweepTest {

  @Inject AssetSweep sweep;

  @Test
  void sweepRemovesWhatNoAssetOwnsAndKeepsTheRest() throws IOException {
    AssetFixtures.Uploaded asset = AssetFixtures.uploadedJpeg();
    String rendition = "/api/v1/assets/" + asset.id() + "/image?w=160&fm=webp";
    Api.admin().get(rendition).then().statusCode(200);
    Path folder = AssetFixtures.STORAGE.resolve("assets/" + asset.id());
    // A crash after storing an upload, before its row: a file of an asset that does not exist.
    Path orphan =
        AssetFixtures.STORAGE.resolve("assets/" + UUID.randomUUID() + "/file-" + "0".repeat(64));
    Files.createDirectories(orphan.getParent());
    Files.write(orphan, new byte[] {1, 2, 3});
    // A rendition of a version the asset no longer has, and a file it no longer has.
    Path oldRendition =
        Files.write(
            Files.createDirectories(folder.resolve("v7")).resolve("160x120-s-q80.webp"),
            new byte[] {4});
    Path oldFile = Files.write(folder.resolve("file-" + "1".repeat(64)), new byte[] {5});
    Set<Path> kept = files(folder);
    kept.removeAll(List.of(oldRendition, oldFile));

    int removed = sweep.sweep(Instant.now().plusSeconds(1));

    assertTrue(removed >= 3, "removed " + removed);
    assertFalse(Files.exists(orphan));
    assertFalse(Files.exists(oldRendition));
    assertFalse(Files.exists(oldFile));
    assertEquals(kept, files(folder), "the asset's file and current renditions stay");
    Api.admin().get(rendition).then().statusCode(200);
    Api.admin().get("/api/v1/assets/" + asset.id() + "/file").then().statusCode(200);
  }

  @Test
  void sweepLeavesRecentObjectsAlone() throws IOException {
    Path recent =
        AssetFixtures.STORAGE.resolve("assets/" + UUID.randomUUID() + "/file-" + "2".repeat(64));
    Files.createDirectories(recent.getParent());
    Files.write(recent, new byte[] {1});

    sweep.sweep(Instant.now().minusSeconds(3600));

    assertTrue(Files.exists(recent), "an upload in flight is younger than the grace period");
    sweep.sweep(Instant.now().plusSeconds(1));
    assertFalse(Files.exists(recent));
  }

  @Test
  void racingUploadsOfTheSameBytesLeaveOneAssetAndOneFile() throws Exception {
    byte[] photo = uniquePhoto();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Response>> uploads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        uploads.add(() -> upload(photo, "gleichzeitig.jpg", "image/jpeg", Map.of()));
      }
      List<Response> answers = new ArrayList<>();
      for (Future<Response> answer : pool.invokeAll(uploads)) {
        answers.add(answer.get());
      }

      Set<String> ids = answers.stream().map(r -> r.<String>path("id")).collect(Collectors.toSet());
      assertEquals(1, ids.size(), "one asset: " + ids);
      assertEquals(
          1, answers.stream().filter(r -> r.statusCode() == 201).count(), "one created it");
      String sha = answers.get(0).path("sha256");
      try (Stream<Path> files = Files.walk(AssetFixtures.STORAGE.resolve("assets"))) {
        assertEquals(
            1,
            files.filter(f -> f.getFileName().toString().equals("file-" + sha)).count(),
            "one stored file");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void uploadsBeyondTheLimitInFlightAreRefusedBeforeTheirBodiesAreRead() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      // Four uploads that announce a body and send only part of it: all the permits.
      for (int i = 0; i < 4; i++) {
        Socket socket = new Socket("localhost", io.restassured.RestAssured.port);
        socket.getOutputStream().write(head(100_000));
        socket.getOutputStream().write(new byte[1000]);
        socket.getOutputStream().flush();
        slow.add(socket);
      }
      Thread.sleep(500);

      try (Socket fifth = new Socket("localhost", io.restassured.RestAssured.port)) {
        fifth.setSoTimeout(10_000);
        OutputStream out = fifth.getOutputStream();
        out.write(head(100_000));
        out.flush();
        String answer = read(fifth.getInputStream());
        assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
        assertTrue(answer.contains("Retry-After: 5"), answer);
        assertTrue(answer.contains("\"type\":\"/problems/unavailable\""), answer);
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
    // Closed connections give their permits back.
    Thread.sleep(500);
    AssetFixtures.uploadedJpeg();
  }

  private static byte[] head(int length) {
    return ("POST /api/v1/assets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + Api.ADMIN_TOKEN
            + "\r\nContent-Type: multipart/form-data; boundary=grenze\r\nContent-Length: "
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Set<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }
}
