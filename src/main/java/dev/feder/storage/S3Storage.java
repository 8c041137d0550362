package dev.feder.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in a bucket of any S3-compatible store (AWS S3, MinIO, Ceph, Cloudflare R2, …) through
 * the AWS SDK's S3 client over the JDK's own HTTP connections. Several Feder instances may share
 * the bucket: an S3 PUT replaces an object atomically, and readers see the old or the new one.
 * Every key gets the configured prefix, so that Feder can share a bucket with other data.
 */
public class S3Storage implements BlobStorage, AutoCloseable {

  /** How a bucket is reached. */
  public record Settings(
      String bucket,
      Optional<URI> endpoint,
      String region,
      boolean pathStyle,
      Optional<String> prefix) {}

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  /** A store that signs with {@code credentials}, the SDK's default chain in production. */
  public S3Storage(Settings settings, AwsCredentialsProvider credentials) {
    var builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60)))
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            // The SDK's default CRC checksums in aws-chunked bodies are AWS's own; MinIO, Ceph,
            // R2 and s3proxy refuse or ignore them. Checksums only where an operation needs one.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings.endpoint().ifPresent(builder::endpointOverride);
    this.client = builder.build();
    this.bucket = settings.bucket();
    this.prefix =
        settings
            .prefix()
            .filter(p -> !p.isBlank())
            .map(p -> p.endsWith("/") ? p : p + "/")
            .orElse("");
  }

  @Override
  public void put(String key, Path file, String contentType) {
    try {
      client.putObject(
          request -> request.bucket(bucket).key(object(key)).contentType(contentType),
          RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new StorageException("Cannot write " + key + " to bucket " + bucket, e);
    }
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    try {
      client.putObject(
          request -> request.bucket(bucket).key(object(key)).contentType(contentType),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new StorageException("Cannot write " + key + " to bucket " + bucket, e);
    }
  }

  @Override
  public Optional<Blob> stat(String key) {
    try {
      HeadObjectResponse head =
          client.headObject(request -> request.bucket(bucket).key(object(key)));
      return Optional.of(new Blob(key, head.contentLength(), head.lastModified()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new StorageException("Cannot read " + key + " in bucket " + bucket, e);
    } catch (SdkException e) {
      throw new StorageException("Cannot read " + key + " in bucket " + bucket, e);
    }
  }

  @Override
  public InputStream open(String key, long offset, long length) {
    if (length <= 0) {
      return InputStream.nullInputStream();
    }
    try {
      return client.getObject(
          request ->
              request
                  .bucket(bucket)
                  .key(object(key))
                  .range("bytes=" + offset + "-" + (offset + length - 1)));
    } catch (SdkException e) {
      throw new StorageException("Cannot read " + key + " in bucket " + bucket, e);
    }
  }

  @Override
  public Optional<Path> localFile(String key) {
    return Optional.empty();
  }

  @Override
  public void delete(String key) {
    try {
      client.deleteObject(request -> request.bucket(bucket).key(object(key)));
    } catch (SdkException e) {
      throw new StorageException("Cannot delete " + key + " in bucket " + bucket, e);
    }
  }

  /**
   * Deletes object by object: an asset has a handful, and batch deletes (DeleteObjects) need a
   * checksum header that several S3-compatible stores do not implement.
   */
  @Override
  public void deleteAll(String keyPrefix) {
    List<String> keys = new ArrayList<>();
    forEachObject(keyPrefix, object -> keys.add(object.key()));
    for (String key : keys) {
      try {
        client.deleteObject(request -> request.bucket(bucket).key(key));
      } catch (SdkException e) {
        throw new StorageException("Cannot delete " + key + " in bucket " + bucket, e);
      }
    }
  }

  @Override
  public void forEach(String keyPrefix, Consumer<Blob> action) {
    forEachObject(
        keyPrefix,
        object ->
            action.accept(
                new Blob(
                    object.key().substring(prefix.length()),
                    object.size(),
                    object.lastModified())));
  }

  private void forEachObject(String keyPrefix, Consumer<S3Object> action) {
    try {
      client
          .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + keyPrefix))
          .contents()
          .forEach(action);
    } catch (SdkException e) {
      throw new StorageException("Cannot list bucket " + bucket, e);
    }
  }

  private String object(String key) {
    return prefix + BlobStorage.checkKey(key);
  }

  @Override
  public void close() {
    client.close();
  }
}
