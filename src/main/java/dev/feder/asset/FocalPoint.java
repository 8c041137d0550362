package dev.feder.asset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point of an image that crops keep in view: 0 to 1 from the left and from the top. */
@Schema(name = "FocalPoint", examples = "{\"x\": 0.42, \"y\": 0.35}")
public record FocalPoint(
    @JsonDeserialize(using = Coordinate.class)
        @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.42")
        Double x,
    @JsonDeserialize(using = Coordinate.class)
        @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.35")
        Double y) {

  /** The centre, where images have their focal point unless told otherwise. */
  public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

  /**
   * Any JSON number, {@code 0} and {@code 1} included: the API refuses integers for decimal fields
   * elsewhere ({@code JsonConfig}), but a coordinate of 0 or 1 is as natural as one of 0.5.
   */
  static final class Coordinate extends StdScalarDeserializer<Double> {
    Coordinate() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
          || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        return parser.getDoubleValue();
      }
      return (Double) context.handleUnexpectedToken(Double.class, parser);
    }
  }
}
