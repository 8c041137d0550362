package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.storage.S3ProxyServer;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The media library on an S3-compatible store: s3proxy, a real S3 server, in a process of its own.
 * Uploads, files, ranges, renditions, deletes and the sweep go through the bucket.
 */
@QuarkusTest
@TestProfile(AssetS3Test.OnS3.class)
class AssetS3Test {

  static final String BUCKET = "feder-assets";
  static final String PREFIX = "test-" + UUID.randomUUID() + "/";

  /** Feder with its files in the s3proxy bucket. */
  public static class OnS3 implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(Bucket.class));
    }
  }

  /** Starts s3proxy, creates the bucket and hands Feder its settings and credentials. */
  public static class Bucket implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      S3ProxyServer server = S3ProxyServer.get();
      server.createBucket(BUCKET);
      // The SDK's standard chain reads these system properties, as it would in production.
      System.setProperty("aws.accessKeyId", S3ProxyServer.IDENTITY);
      System.setProperty("aws.secretAccessKey", S3ProxyServer.CREDENTIAL);
      return Map.of(
          "feder.storage.s3.bucket",
          BUCKET,
          "feder.storage.s3.endpoint",
          server.endpoint().toString(),
          "feder.storage.s3.region",
          S3ProxyServer.REGION,
          "feder.storage.s3.path-style",
          "true",
          "feder.storage.s3.prefix",
          PREFIX);
    }

    @Override
    public void stop() {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Inject AssetSweep sweep;

  @Test
  void uploadsRenditionsAndDeletesGoThroughTheBucket() {
    Response uploaded = upload(uniquePhoto(), "s3.jpg", "image/jpeg", Map.of());
    uploaded.then().statusCode(201);
    String id = uploaded.path("id");
    String sha = uploaded.path("sha256");
    assertEquals(Set.of("file-" + sha), objects(id));

    Response file = Api.admin().get("/api/v1/assets/" + id + "/file?v=1");
    file.then().statusCode(200).contentType("image/jpeg");
    byte[] all = file.asByteArray();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    assertThat(text, not(containsString("083021004711")));
    Response range =
        Api.admin().header("Range", "bytes=2-21").get("/api/v1/assets/" + id + "/file");
    range.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(all, 2, 22), range.asByteArray());

    Api.admin()
        .get("/api/v1/assets/" + id + "/image?w=160&fm=webp&v=1")
        .then()
        .statusCode(200)
        .contentType("image/webp");
    assertEquals(Set.of("file-" + sha, "v1/160x240-s-q80.webp"), objects(id));

    Api.admin()
        .header("If-Match", uploaded.header("ETag"))
        .delete("/api/v1/assets/" + id)
        .then()
        .statusCode(204);
    assertEquals(Set.of(), objects(id));
  }

  @Test
  void sweepRemovesOrphansFromTheBucket() {
    AssetFixtures.Uploaded asset = AssetFixtures.uploadedJpeg();
    String orphan = PREFIX + "assets/" + UUID.randomUUID() + "/file-" + "3".repeat(64);
    try (S3Client client = S3ProxyServer.get().client()) {
      client.putObject(r -> r.bucket(BUCKET).key(orphan), RequestBody.fromBytes(new byte[] {1}));
    }

    sweep.sweep(Instant.now().plusSeconds(1));

    try (S3Client client = S3ProxyServer.get().client()) {
      Set<String> keys =
          client.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(PREFIX)).contents().stream()
              .map(S3Object::key)
              .collect(Collectors.toSet());
      assertTrue(keys.stream().noneMatch(orphan::equals), "the orphan is gone");
      assertTrue(
          keys.stream().anyMatch(k -> k.startsWith(PREFIX + "assets/" + asset.id() + "/file-")),
          "the asset's file stays");
    }
  }

  @Test
  void somethingIsStoredOnlyForAcceptedUploads() {
    int before = allObjects().size();
    upload(
            AssetFixtures.fixture("truncated.jpg"),
            "kaputt-" + Fixtures.suffix() + ".jpg",
            "image/jpeg",
            Map.of())
        .then()
        .statusCode(400);
    assertEquals(before, allObjects().size());
  }

  private static Set<String> objects(String id) {
    String prefix = PREFIX + "assets/" + id + "/";
    try (S3Client client = S3ProxyServer.get().client()) {
      return client.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
          .map(o -> o.key().substring(prefix.length()))
          .collect(Collectors.toSet());
    }
  }

  private static List<String> allObjects() {
    try (S3Client client = S3ProxyServer.get().client()) {
      return client.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(PREFIX)).contents().stream()
          .map(S3Object::key)
          .toList();
    }
  }
}
