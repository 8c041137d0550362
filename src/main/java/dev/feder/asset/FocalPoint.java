package dev.feder.asset;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point of an image that crops keep in view: 0 to 1 from the left and from the top. */
@Schema(name = "FocalPoint", examples = "{\"x\": 0.42, \"y\": 0.35}")
public record FocalPoint(
    @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.42")
        Double x,
    @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.35")
        Double y) {

  /** The centre, where images have their focal point unless told otherwise. */
  public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
