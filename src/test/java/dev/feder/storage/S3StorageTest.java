package dev.feder.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The S3 adapter against a real S3 server (s3proxy in a process of its own): the contract, a key
 * prefix, and the errors of a store that refuses.
 */
class S3StorageTest extends StorageContract {

  private static final String BUCKET = "feder-contract";
  private static S3Storage storage;

  @BeforeAll
  static void bucket() {
    S3ProxyServer server = S3ProxyServer.get();
    server.createBucket(BUCKET);
    storage = s3(Optional.of("feder/"), S3ProxyServer.credentials());
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  private static S3Storage s3(Optional<String> prefix, StaticCredentialsProvider credentials) {
    return new S3Storage(
        new S3Storage.Settings(
            BUCKET,
            Optional.of(S3ProxyServer.get().endpoint()),
            S3ProxyServer.REGION,
            true,
            prefix),
        credentials);
  }

  @Override
  BlobStorage storage() {
    return storage;
  }

  @Test
  void keysLiveUnderTheConfiguredPrefix() {
    storage.put(prefix + "k", new byte[] {1}, "application/octet-stream");

    try (var client = S3ProxyServer.get().client()) {
      client.headObject(request -> request.bucket(BUCKET).key("feder/" + prefix + "k"));
    }
    assertTrue(storage.localFile(prefix + "k").isEmpty(), "no local files for a remote store");
  }

  @Test
  void wrongCredentialsAreAStorageError() {
    try (S3Storage wrong =
        s3(
            Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "wrong")))) {
      StorageException error =
          assertThrows(
              StorageException.class,
              () -> wrong.put(prefix + "k", new byte[] {1}, "application/octet-stream"));
      assertTrue(error.getMessage().contains(BUCKET), error.getMessage());
      assertThrows(StorageException.class, () -> wrong.stat(prefix + "k"));
    }
  }

  @Test
  void aMissingBucketIsAStorageError() {
    try (S3Storage missing =
        new S3Storage(
            new S3Storage.Settings(
                "gibt-es-nicht",
                Optional.of(S3ProxyServer.get().endpoint()),
                S3ProxyServer.REGION,
                true,
                Optional.empty()),
            S3ProxyServer.credentials())) {
      assertThrows(
          StorageException.class,
          () -> missing.put("k", new byte[] {1}, "application/octet-stream"));
      assertEquals(Optional.empty(), Optional.<Blob>empty());
    }
  }
}
