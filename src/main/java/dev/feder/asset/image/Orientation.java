package dev.feder.asset.image;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations: how a picture stored one way is to be shown. Feder decodes and
 * scales in the stored orientation (decoders read regions of the stored pixels) and turns the small
 * result the right way up.
 */
final class Orientation {

  private Orientation() {}

  static boolean swaps(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * The stored pixels under a rectangle of the shown picture.
   *
   * @param rawWidth width as stored
   * @param rawHeight height as stored
   */
  static Rectangle toStored(Rectangle shown, int orientation, int rawWidth, int rawHeight) {
    double[] a = toStored(shown.x, shown.y, orientation, rawWidth, rawHeight);
    double[] b =
        toStored(shown.x + shown.width, shown.y + shown.height, orientation, rawWidth, rawHeight);
    int x = (int) Math.round(Math.min(a[0], b[0]));
    int y = (int) Math.round(Math.min(a[1], b[1]));
    int w = (int) Math.round(Math.abs(a[0] - b[0]));
    int h = (int) Math.round(Math.abs(a[1] - b[1]));
    x = Math.max(0, Math.min(x, rawWidth - 1));
    y = Math.max(0, Math.min(y, rawHeight - 1));
    return new Rectangle(
        x, y, Math.max(1, Math.min(w, rawWidth - x)), Math.max(1, Math.min(h, rawHeight - y)));
  }

  private static double[] toStored(double x, double y, int orientation, int rw, int rh) {
    return switch (orientation) {
      case 2 -> new double[] {rw - x, y};
      case 3 -> new double[] {rw - x, rh - y};
      case 4 -> new double[] {x, rh - y};
      case 5 -> new double[] {y, x};
      case 6 -> new double[] {y, rh - x};
      case 7 -> new double[] {rw - y, rh - x};
      case 8 -> new double[] {rw - y, x};
      default -> new double[] {x, y};
    };
  }

  /** The picture turned the way it is to be shown. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    boolean swap = swaps(orientation);
    BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, Pixels.intType(image));
    var g = turned.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return turned;
  }
}
