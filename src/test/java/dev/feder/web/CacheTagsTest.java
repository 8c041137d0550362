package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the tags of an answer stay within the size of a header. */
class CacheTagsTest {

  @Test
  void tagsWithinTheBudgetAreNamedOneByOne() {
    Set<String> tags = Set.of("articles", "article:" + UUID.randomUUID(), "author:x");
    assertEquals(new TreeSet<>(tags), CacheTags.withinBudget(tags, 4096));
  }

  @Test
  void theKindThatTakesMostRoomStandsForAllItsItemsWhenTheyDoNotFit() {
    Set<String> tags = new TreeSet<>(Set.of("articles", "category:c1"));
    for (int i = 0; i < 100; i++) {
      tags.add("article:" + UUID.randomUUID());
    }
    for (int i = 0; i < 20; i++) {
      tags.add("author:" + UUID.randomUUID());
    }
    Set<String> bounded = CacheTags.withinBudget(tags, 4096);
    assertTrue(bounded.contains("article:any"), bounded.toString());
    assertTrue(bounded.stream().noneMatch(t -> t.matches("article:[0-9a-f-]{36}")));
    assertEquals(20, bounded.stream().filter(t -> t.startsWith("author:")).count());
    assertTrue(bounded.containsAll(Set.of("articles", "category:c1")));
    assertTrue(CacheTags.length(bounded) <= 4096);
  }

  @Test
  void kindsCollapseOneAfterTheOtherUntilTheyFit() {
    Set<String> tags = new TreeSet<>();
    for (int i = 0; i < 60; i++) {
      tags.add("article:" + UUID.randomUUID());
      tags.add("author:" + UUID.randomUUID());
    }
    Set<String> bounded = CacheTags.withinBudget(tags, 1000);
    assertEquals(Set.of("article:any", "author:any"), bounded);
  }
}
