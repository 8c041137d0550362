package dev.feder.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/** Where a delivery is: waiting for its next attempt, being sent, or done either way. */
public enum DeliveryStatus implements WireValue {
  PENDING,
  SENDING,
  SUCCEEDED,
  FAILED;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static DeliveryStatus of(String value) {
    return WireValue.parse(DeliveryStatus.class, value);
  }
}
