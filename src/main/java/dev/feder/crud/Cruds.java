package dev.feder.crud;

import dev.feder.audit.AuditLog;
import dev.feder.persistence.TrackedEntity;
import dev.feder.web.EntityTags;
import dev.feder.web.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Gives each service the {@link Crud} of its kind of item. */
@ApplicationScoped
public class Cruds {

  private final EntityManager entityManager;
  private final EntityTags tags;
  private final MergePatch mergePatch;
  private final AuditLog auditLog;

  public Cruds(
      EntityManager entityManager, EntityTags tags, MergePatch mergePatch, AuditLog auditLog) {
    this.entityManager = entityManager;
    this.tags = tags;
    this.mergePatch = mergePatch;
    this.auditLog = auditLog;
  }

  public <E extends TrackedEntity, I> Crud<E, I> of(Crud.Kind<E, I> kind) {
    return new Crud<>(kind, entityManager, tags, mergePatch, auditLog);
  }
}
