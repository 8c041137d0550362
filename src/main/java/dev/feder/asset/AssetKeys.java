package dev.feder.asset;

import java.util.UUID;

/**
 * The storage keys of an asset's objects: {@code assets/<id>/file-<sha256>} for the file (the
 * SHA-256 of the upload, so a replaced file gets a new key) and {@code
 * assets/<id>/v<version>/<name>} for the renditions of each version, so that everything of one
 * version, or of one asset, shares a prefix. The bytes under a key never change: a key names one
 * file, or one rendition of one version, which is computed the same way every time.
 */
final class AssetKeys {

  static final String ROOT = "assets/";

  private AssetKeys() {}

  static String asset(UUID id) {
    return ROOT + id + "/";
  }

  static String version(UUID id, int version) {
    return asset(id) + "v" + version + "/";
  }

  static String file(UUID id, String sha256) {
    return asset(id) + "file-" + sha256;
  }

  static String rendition(UUID id, int version, String name) {
    return version(id, version) + name;
  }
}
