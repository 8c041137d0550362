package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The canonical form of request URIs that keys the response cache. */
class CacheKeysTest {

  @Test
  void parametersInAnyOrderShareAKey() {
    assertEquals(
        CacheKeys.canonical("/api/v1/articles?page=1&size=20"),
        CacheKeys.canonical("/api/v1/articles?size=20&page=1"));
    assertEquals(
        "/api/v1/articles?category=welt&page=2&size=20",
        CacheKeys.canonical("/api/v1/articles?size=20&page=2&category=welt"));
  }

  @Test
  void encodingsOfTheSameTextShareAKey() {
    String canonical = CacheKeys.canonical("/api/v1/articles?q=%C3%9Cbung%20K%C3%BCste");
    assertEquals("/api/v1/articles?q=%C3%9Cbung%20K%C3%BCste", canonical);
    assertEquals(canonical, CacheKeys.canonical("/api/v1/articles?q=%c3%9cbung+K%c3%bcste"));
    assertEquals(
        "/api/v1/articles?author=sophie-mueller",
        CacheKeys.canonical("/api/v1/articles?%61uthor=sophie%2Dmueller"));
  }

  @Test
  void differentValuesKeepDifferentKeys() {
    assertNotEquals(
        CacheKeys.canonical("/api/v1/articles?q=a+b"),
        CacheKeys.canonical("/api/v1/articles?q=a%2Bb"));
    assertNotEquals(
        CacheKeys.canonical("/api/v1/articles?tag=a&tag=b"),
        CacheKeys.canonical("/api/v1/articles?tag=b&tag=a"));
    // ';' is no separator here, whatever the server makes of it: never one key for two requests.
    assertNotEquals(
        CacheKeys.canonical("/api/v1/articles?page=1;size=5"),
        CacheKeys.canonical("/api/v1/articles?page=1&size=5"));
  }

  @Test
  void unknownParametersStayInTheKeySoTheServerStillSeesThem() {
    assertEquals(
        "/api/v1/articles?junk=1&page=1", CacheKeys.canonical("/api/v1/articles?page=1&junk=1"));
  }

  @Test
  void theQueryIsLeftAsItIsWhenItCannotBeDecoded() {
    assertEquals("/api/v1/articles?q=%zz", CacheKeys.canonical("/api/v1/articles?q=%zz"));
    assertEquals("/api/v1/articles/slug/x", CacheKeys.canonical("/api/v1/articles/slug/x"));
    assertEquals("/api/v1/articles", CacheKeys.canonical("/api/v1/articles?"));
  }
}
