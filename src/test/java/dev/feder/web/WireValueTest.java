package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.article.ArticleStatus;
import dev.feder.article.BodyFormat;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditEntityType;
import dev.feder.auth.Roles;
import dev.feder.auth.TokenRole;
import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wire values of Feder's enums, which clients send and read and the database stores: derived
 * from the constants' names, so these lists are the contract spelled out.
 */
class WireValueTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void everyEnumTravelsAsItsLowerCaseWords() {
    assertEquals(
        List.of("draft", "scheduled", "published", "archived"), values(ArticleStatus.class));
    assertEquals(List.of("html", "markdown"), values(BodyFormat.class));
    assertEquals(
        List.of(
            "create",
            "update",
            "patch",
            "delete",
            "trash",
            "restore",
            "purge",
            "revoke",
            "restore-revision"),
        values(AuditAction.class));
    assertEquals(
        List.of("article", "category", "author", "token", "asset"), values(AuditEntityType.class));
    assertEquals(
        List.of(Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER), values(TokenRole.class));
  }

  @Test
  void toStringAndJsonAreTheWireValue() throws JsonProcessingException {
    assertEquals("restore-revision", AuditAction.RESTORE_REVISION.toString());
    assertEquals("\"restore-revision\"", mapper.writeValueAsString(AuditAction.RESTORE_REVISION));
    assertEquals(
        AuditAction.RESTORE_REVISION, mapper.readValue("\"restore-revision\"", AuditAction.class));
    assertEquals("\"scheduled\"", mapper.writeValueAsString(ArticleStatus.SCHEDULED));
  }

  @Test
  void parameterFindsTheConstantOfItsWireValue() {
    assertEquals(
        AuditAction.RESTORE_REVISION,
        WireValue.parameter(AuditAction.class, "action", "restore-revision"));
    assertEquals(ArticleStatus.PUBLISHED, ArticleStatus.parameter("published"));
  }

  @Test
  void absentParameterIsNull() {
    assertNull(WireValue.parameter(AuditAction.class, "action", null));
    assertNull(ArticleStatus.parameter(null));
    assertNull(ArticleStatus.parameter(""));
  }

  @Test
  void unknownParameterIsABadParameterNamingItAndTheAllowedValues() {
    for (String wrong : List.of("PUBLISHED", "Published", "restore_revision", "", " draft")) {
      ProblemException e =
          assertThrows(
              ProblemException.class,
              () -> WireValue.parameter(ArticleStatus.class, "status", wrong),
              wrong);
      assertEquals(ProblemType.BAD_PARAMETER, e.type());
      assertEquals("Parameter 'status' is invalid", e.getMessage());
      assertEquals(
          List.of(
              new Problem.FieldError(
                  "status", "must be one of: draft, scheduled, published, archived")),
          e.errors());
    }
  }

  @Test
  void parseRefusesAValueNoConstantHas() {
    assertEquals(TokenRole.VIEWER, WireValue.parse(TokenRole.class, "viewer"));
    assertThrows(IllegalArgumentException.class, () -> WireValue.parse(TokenRole.class, "root"));
  }

  private static <E extends Enum<E> & WireValue> List<String> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireValue::value).toList();
  }
}
