package dev.feder.support;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Numbered lists read page by page (100 items a page). The database is shared, so a test looks for
 * its own items in a list rather than assuming anything about the rest.
 */
public final class Pages {

  private Pages() {}

  /** Every item of the list at {@code path}, as {@code caller} sees it. */
  public static List<Map<String, Object>> all(
      Supplier<RequestSpecification> caller, String path, Map<String, ?> params) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath json = page(caller, path, params, page);
      items.addAll(json.getList("data"));
      if (page >= json.getInt("meta.totalPages")) {
        return items;
      }
    }
  }

  /**
   * The ids of the list at {@code path} in order, until all {@code wanted} ids were seen (or to the
   * end, when {@code wanted} is null).
   */
  public static List<String> ids(
      Supplier<RequestSpecification> caller,
      String path,
      Map<String, ?> params,
      Collection<String> wanted) {
    List<String> seen = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath json = page(caller, path, params, page);
      seen.addAll(json.getList("data.id", String.class));
      if ((wanted != null && seen.containsAll(wanted)) || page >= json.getInt("meta.totalPages")) {
        return seen;
      }
    }
  }

  /** The item with this id in a list of items. */
  public static Map<String, Object> byId(List<Map<String, Object>> items, String id) {
    return items.stream()
        .filter(item -> id.equals(item.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No item " + id + " in " + ids(items)));
  }

  /** The ids of a list of items, in order. */
  public static List<String> ids(List<Map<String, Object>> items) {
    return items.stream().map(item -> (String) item.get("id")).toList();
  }

  private static JsonPath page(
      Supplier<RequestSpecification> caller, String path, Map<String, ?> params, int page) {
    return caller
        .get()
        .queryParams(params)
        .queryParam("size", 100)
        .queryParam("page", page)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
