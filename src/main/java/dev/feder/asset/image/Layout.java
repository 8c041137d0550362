package dev.feder.asset.image;

import java.awt.Rectangle;

/**
 * Where a rendition's pixels come from and where they go, in the picture as shown (after its EXIF
 * orientation): the part of the picture used ({@code crop}), the size it is scaled to, and the
 * canvas it is placed on. Nothing is ever scaled up: a box larger than the picture gives the
 * picture at its own size (cropped to the box's shape for {@code cover}).
 *
 * @param crop the part of the picture used
 * @param width width the crop is scaled to
 * @param height height the crop is scaled to
 * @param canvasWidth width of the rendition
 * @param canvasHeight height of the rendition
 * @param x where the scaled crop sits on the canvas
 * @param y where the scaled crop sits on the canvas
 */
public record Layout(
    Rectangle crop, int width, int height, int canvasWidth, int canvasHeight, int x, int y) {

  /**
   * The layout of a rendition of a picture shown at {@code shownWidth} × {@code shownHeight}.
   *
   * @param boxWidth the asked width, or null
   * @param boxHeight the asked height, or null (not both null)
   * @param focusX the focal point's horizontal position, 0 (left) to 1 (right)
   * @param focusY the focal point's vertical position, 0 (top) to 1 (bottom)
   */
  public static Layout of(
      int shownWidth,
      int shownHeight,
      Integer boxWidth,
      Integer boxHeight,
      Fit fit,
      double focusX,
      double focusY) {
    Rectangle whole = new Rectangle(0, 0, shownWidth, shownHeight);
    if (boxWidth == null || boxHeight == null || fit == Fit.INSIDE) {
      double scale =
          Math.min(
              1,
              Math.min(
                  boxWidth == null ? Double.MAX_VALUE : boxWidth / (double) shownWidth,
                  boxHeight == null ? Double.MAX_VALUE : boxHeight / (double) shownHeight));
      int w = Math.max(1, (int) Math.round(shownWidth * scale));
      int h = Math.max(1, (int) Math.round(shownHeight * scale));
      return new Layout(whole, w, h, w, h, 0, 0);
    }
    if (fit == Fit.COVER) {
      double aspect = boxWidth / (double) boxHeight;
      int cropWidth = shownWidth;
      int cropHeight = shownHeight;
      if (shownWidth / (double) shownHeight > aspect) {
        cropWidth = Math.max(1, Math.min(shownWidth, (int) Math.round(shownHeight * aspect)));
      } else {
        cropHeight = Math.max(1, Math.min(shownHeight, (int) Math.round(shownWidth / aspect)));
      }
      int x = around(focusX, shownWidth, cropWidth);
      int y = around(focusY, shownHeight, cropHeight);
      boolean smaller = boxWidth < cropWidth;
      int w = smaller ? boxWidth : cropWidth;
      int h = smaller ? boxHeight : cropHeight;
      return new Layout(new Rectangle(x, y, cropWidth, cropHeight), w, h, w, h, 0, 0);
    }
    double scale = Math.min(boxWidth / (double) shownWidth, boxHeight / (double) shownHeight);
    if (scale < 1) {
      int w = Math.max(1, (int) Math.round(shownWidth * scale));
      int h = Math.max(1, (int) Math.round(shownHeight * scale));
      return new Layout(whole, w, h, boxWidth, boxHeight, (boxWidth - w) / 2, (boxHeight - h) / 2);
    }
    // Smaller than the box: the canvas is the box's shape, just large enough to hold the picture.
    double canvas = Math.max(shownWidth / (double) boxWidth, shownHeight / (double) boxHeight);
    int canvasWidth = Math.max(shownWidth, (int) Math.round(boxWidth * canvas));
    int canvasHeight = Math.max(shownHeight, (int) Math.round(boxHeight * canvas));
    return new Layout(
        whole,
        shownWidth,
        shownHeight,
        canvasWidth,
        canvasHeight,
        (canvasWidth - shownWidth) / 2,
        (canvasHeight - shownHeight) / 2);
  }

  /** Whether the rendition is the whole picture, merely scaled (no crop, no padding). */
  public boolean isPlainScale(int shownWidth, int shownHeight) {
    return width == canvasWidth
        && height == canvasHeight
        && crop.equals(new Rectangle(0, 0, shownWidth, shownHeight));
  }

  /** The start of a span of {@code part} out of {@code whole}, centred on {@code focus}. */
  private static int around(double focus, int whole, int part) {
    int start = (int) Math.round(focus * whole - part / 2.0);
    return Math.max(0, Math.min(start, whole - part));
  }
}
