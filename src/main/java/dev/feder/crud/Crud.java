package dev.feder.crud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import dev.feder.error.ProblemException;
import dev.feder.persistence.TrackedEntity;
import dev.feder.web.EntityTags;
import dev.feder.web.MergePatch;
import dev.feder.web.Reference;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The reads and writes that every kind of item with an id and a slug goes through the same way
 * (authors, categories): finding an item by id or slug, resolving a reference to it in a write
 * payload, locking it for a write with the client's {@code If-Match} checked, and creating,
 * replacing, patching and deleting it, each flushed and recorded in the audit log.
 *
 * <p>What is particular to a kind (how a payload applies, the representation, the guards before a
 * delete) stays in its service, which describes the kind once ({@link Kind}) and gets its {@code
 * Crud} from {@link Cruds}. Services call these steps; nothing extends them.
 *
 * @param <E> the entity
 * @param <I> its write payload
 */
public final class Crud<E extends TrackedEntity, I> {

  /**
   * One kind of item, as its service describes it.
   *
   * @param entity the entity class
   * @param type the kind in the audit log; its name also names the kind in messages
   * @param input the write payload's class, for merge patches
   * @param bySlug the item with a slug (the entity's own finder)
   * @param slug the slug of an item, the label of its audit events
   * @param toInput an item as a write payload: the base of a patch, and what the audit log compares
   * @param apply the service's rules for writing a payload into an item
   * @param view an item as the caller reads it, whose ETag an {@code If-Match} must carry
   */
  public record Kind<E, I>(
      Class<E> entity,
      AuditEntityType type,
      Class<I> input,
      Function<String, Optional<E>> bySlug,
      Function<E, String> slug,
      Function<E, I> toInput,
      BiConsumer<E, I> apply,
      Function<E, ?> view) {}

  private final Kind<E, I> kind;
  private final String name;
  private final EntityManager entityManager;
  private final EntityTags tags;
  private final MergePatch mergePatch;
  private final AuditLog auditLog;

  Crud(
      Kind<E, I> kind,
      EntityManager entityManager,
      EntityTags tags,
      MergePatch mergePatch,
      AuditLog auditLog) {
    this.kind = kind;
    String type = kind.type().value();
    this.name = Character.toUpperCase(type.charAt(0)) + type.substring(1);
    this.entityManager = entityManager;
    this.tags = tags;
    this.mergePatch = mergePatch;
    this.auditLog = auditLog;
  }

  /** The item with this id; 404 when there is none. */
  public E find(UUID id) {
    return Optional.ofNullable(entityManager.find(kind.entity(), id))
        .orElseThrow(() -> ProblemException.notFound(name + " " + id));
  }

  /** The item with this slug; 404 when there is none. */
  public E findBySlug(String slug) {
    return kind.bySlug()
        .apply(slug)
        .orElseThrow(() -> ProblemException.notFound(name + " '" + slug + "'"));
  }

  /** The item a reference in a write payload names; an unknown one is an invalid {@code field}. */
  public E resolve(Reference reference, String field) {
    reference.requireTarget(field);
    return (reference.id() != null
            ? Optional.ofNullable(entityManager.find(kind.entity(), reference.id()))
            : kind.bySlug().apply(reference.slug()))
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    field, "no " + kind.type().value() + " with " + reference.describe()));
  }

  /**
   * The item with this id, row-locked until the transaction ends so that writes to it happen one
   * after the other, once the client's {@code If-Match} matches its current representation: 404
   * when there is none, 428 without If-Match, 412 when it is stale.
   */
  public E lockForWrite(UUID id, String ifMatch) {
    E item =
        Optional.ofNullable(entityManager.find(kind.entity(), id, LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(() -> ProblemException.notFound(name + " " + id));
    tags.checkIfMatch(ifMatch, kind.view().apply(item));
    return item;
  }

  /** Writes a payload into a new item and stores it. */
  public E create(E item, I input) {
    kind.apply().accept(item, input);
    entityManager.persist(item);
    entityManager.flush();
    audit(AuditAction.CREATE, item, AuditDetails.NONE);
    return item;
  }

  /** Replaces the writable fields of the item with this id by a payload (PUT). */
  public E replace(UUID id, I input, String ifMatch) {
    return change(AuditAction.UPDATE, lockForWrite(id, ifMatch), before -> input);
  }

  /** Changes the item with this id by a JSON merge patch of its payload (PATCH). */
  public E patch(UUID id, JsonNode patch, String ifMatch) {
    return change(
        AuditAction.PATCH,
        lockForWrite(id, ifMatch),
        before -> mergePatch.apply(before, patch, kind.input()));
  }

  /**
   * Deletes a locked item whose service's guards have passed; a foreign key that still points at it
   * is a 409 with {@code inUse} as its detail.
   */
  public void delete(E item, String inUse) {
    try {
      entityManager.remove(item);
      entityManager.flush();
      audit(AuditAction.DELETE, item, AuditDetails.NONE);
    } catch (PersistenceException e) {
      throw ProblemException.conflict(inUse);
    }
  }

  private E change(AuditAction action, E item, Function<I, I> next) {
    I before = kind.toInput().apply(item);
    kind.apply().accept(item, next.apply(before));
    entityManager.flush();
    audit(
        action,
        item,
        AuditDetails.changed(auditLog.changedFields(before, kind.toInput().apply(item))));
    return item;
  }

  private void audit(AuditAction action, E item, AuditDetails details) {
    auditLog.record(action, kind.type(), item.id, kind.slug().apply(item), details);
  }
}
