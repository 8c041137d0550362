package dev.feder.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the calling token's secret yields here: the caller's identity that keys are scoped by, and
 * the key that seals its stored answers. Both are HMACs of the secret, so the database holds
 * neither the secret nor anything that authenticates (nor the hash Feder keeps of tokens), and an
 * answer that carries a secret, such as an issued token's, is readable only by the token that asked
 * for it.
 *
 * @param id the caller's identity, 64 hex digits
 */
record CallerKeys(String id, SecretKeySpec sealing) {

  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The keys of the credential in an {@code Authorization} header ({@code Bearer <secret>}); the
   * scheme's spelling does not matter.
   */
  static CallerKeys of(String authorization) {
    String credential = authorization.substring(authorization.indexOf(' ') + 1).strip();
    byte[] secret = credential.getBytes(StandardCharsets.UTF_8);
    return new CallerKeys(
        HexFormat.of().formatHex(hmac(secret, "feder idempotency caller")),
        new SecretKeySpec(hmac(secret, "feder idempotency seal"), "AES"));
  }

  /** {@code plain} encrypted and authenticated, bound to the idempotency key it is stored under. */
  byte[] seal(byte[] plain, String key) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plain, 0, plain.length, key);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  /** What {@link #seal} sealed under the same key. */
  byte[] open(byte[] sealed, String key) {
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
    return crypt(Cipher.DECRYPT_MODE, nonce, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, key);
  }

  private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset, int length, String key) {
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(mode, sealing, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal or open a stored answer", e);
    }
  }

  private static byte[] hmac(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
    }
  }
}
