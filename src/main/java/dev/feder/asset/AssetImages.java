package dev.feder.asset;

import dev.feder.asset.image.Libwebp;
import dev.feder.asset.image.Renderer;
import dev.feder.config.FederConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The image toolkit as configured: libwebp's tools (installed on first use) and the renderer. */
@ApplicationScoped
class AssetImages {

  private final FederConfig.Assets config;
  private volatile Renderer renderer;

  AssetImages(FederConfig config) {
    this.config = config.assets();
  }

  Renderer renderer() {
    Renderer current = renderer;
    if (current == null) {
      synchronized (this) {
        current = renderer;
        if (current == null) {
          current =
              new Renderer(
                  Libwebp.create(config.libwebpDirectory()), config.renditionPixelBudget());
          renderer = current;
        }
      }
    }
    return current;
  }
}
