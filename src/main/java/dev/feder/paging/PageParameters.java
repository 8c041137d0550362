package dev.feder.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The numbered paging parameters every list takes, {@code page} and {@code size}, both optional.
 * Lists that also page by keyset declare their own {@code cursor} parameter, since what it must be
 * sent with differs from list to list, and pass it to {@link #toRequest(String)}.
 */
public class PageParameters {

  @QueryParam("page")
  @Parameter(
      description = "1-based page number",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
  public String page;

  @QueryParam("size")
  @Parameter(
      description = "Items per page",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  public String size;

  /** The numbered page asked for, or a 400 naming the malformed parameter. */
  public PageRequest toRequest() {
    return PageRequest.of(page, size);
  }

  /**
   * The numbered page asked for or, given a {@code cursor}, the page after it; a 400 names a
   * malformed parameter or refuses a cursor combined with a page.
   */
  public PageRequest toRequest(String cursor) {
    return PageRequest.of(page, size, cursor);
  }
}
