package dev.feder.storage;

import dev.feder.config.FederConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Chooses the store: an S3 bucket when {@code feder.storage.s3.bucket} is set (credentials from the
 * AWS SDK's standard chain: environment, system properties, profile files, container and instance
 * roles), else the local folder {@code feder.storage.directory}, which production must set. Checked
 * at startup, so a missing setting stops Feder at once rather than at the first upload.
 */
@ApplicationScoped
public class StorageProducer {

  private static final Logger LOG = Logger.getLogger(StorageProducer.class);

  static final String MISSING =
      "Feder has nowhere to keep uploaded files. Set FEDER_STORAGE_DIRECTORY to a folder (shared"
          + " by all instances, e.g. a mounted volume), or FEDER_STORAGE_S3_BUCKET (with"
          + " FEDER_STORAGE_S3_ENDPOINT for a store other than AWS) for an S3-compatible store.";

  private final FederConfig.Storage config;

  public StorageProducer(FederConfig config) {
    this.config = config.storage();
  }

  void check(@Observes StartupEvent event) {
    if (config.s3().bucket().isEmpty() && config.directory().isEmpty()) {
      throw new IllegalStateException(MISSING);
    }
  }

  @Produces
  @ApplicationScoped
  BlobStorage storage() {
    if (config.s3().bucket().isPresent()) {
      FederConfig.Storage.S3 s3 = config.s3();
      LOG.infof(
          "Keeping files in the S3 bucket %s%s",
          s3.bucket().get(), s3.endpoint().map(e -> " at " + e).orElse(""));
      return new S3Storage(
          new S3Storage.Settings(
              s3.bucket().get(), s3.endpoint(), s3.region(), s3.pathStyle(), s3.prefix()),
          DefaultCredentialsProvider.builder().build());
    }
    Path directory =
        Path.of(config.directory().orElseThrow(() -> new IllegalStateException(MISSING)));
    LOG.infof("Keeping files in %s", directory.toAbsolutePath());
    return new FileSystemStorage(directory);
  }

  void close(@Disposes BlobStorage storage) throws Exception {
    if (storage instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
