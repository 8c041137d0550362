package dev.feder.idempotency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body stored earlier, which Jackson writes out byte for byte: the entity of a replay. The
 * resource method's JSON writer and the response filter that makes the ETag both serialize it, so
 * the replay carries exactly the first answer's bytes and ETag.
 */
@JsonSerialize(using = StoredJson.Writer.class)
record StoredJson(byte[] bytes) {

  /** Writes the stored bytes as they are. */
  static final class Writer extends StdSerializer<StoredJson> {

    Writer() {
      super(StoredJson.class);
    }

    @Override
    public void serialize(StoredJson json, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeRawValue(new String(json.bytes(), StandardCharsets.UTF_8));
    }
  }
}
