package dev.feder.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests written byte for byte on a socket, for what HTTP clients refuse to send: two Host
 * headers, odd framing, HTTP/1.0 without Host.
 */
public final class RawHttp {

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

  /**
   * What came back on the connection.
   *
   * @param text everything the server sent, read as ISO-8859-1
   * @param closed whether the server closed the connection (rather than the read timing out)
   */
  public record Exchange(String text, boolean closed) {

    /** The status codes of every answer on the connection, in order. */
    public List<Integer> statuses() {
      List<Integer> statuses = new ArrayList<>();
      Matcher matcher = STATUS_LINE.matcher(text);
      while (matcher.find()) {
        statuses.add(Integer.parseInt(matcher.group(1)));
      }
      return statuses;
    }

    /** The head of the first answer: status line and headers. */
    public String head() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? text : text.substring(0, end);
    }

    /** The body of the first answer (up to the next status line, if several came). */
    public String body() {
      int start = text.indexOf("\r\n\r\n");
      if (start < 0) {
        return "";
      }
      String rest = text.substring(start + 4);
      Matcher next = STATUS_LINE.matcher(rest);
      return next.find() ? rest.substring(0, next.start()) : rest;
    }

    /** The value of a header of the first answer (case-insensitive), or null. */
    public String header(String name) {
      for (String line : head().split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private RawHttp() {}

  /** Sends the request to the test server and reads until it closes or is quiet for 2 s. */
  public static Exchange send(String request) {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends raw bytes to the test server and reads until it closes or is quiet for 2 s. */
  public static Exchange send(byte[] request) {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean closed;
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException e) {
        closed = false;
      }
      return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
