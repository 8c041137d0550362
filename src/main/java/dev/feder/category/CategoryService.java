package dev.feder.category;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.audit.AuditEntityType;
import dev.feder.crud.Crud;
import dev.feder.crud.Cruds;
import dev.feder.error.ProblemException;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.persistence.ReadOnly;
import dev.feder.text.Slugs;
import dev.feder.web.Reference;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rules for categories: slugs, the tree (no cycles), preconditions and the delete guard. */
@ApplicationScoped
public class CategoryService {

  static final Map<String, String> SORTABLE =
      Map.of(
          "position",
          "position",
          "name",
          "name",
          "createdAt",
          "createdAt",
          "updatedAt",
          "updatedAt");

  private final CategoryArticleCounts counts;
  private final Crud<Category, CategoryInput> categories;

  public CategoryService(Cruds cruds, CategoryArticleCounts counts) {
    this.counts = counts;
    this.categories =
        cruds.of(
            new Crud.Kind<>(
                Category.class,
                AuditEntityType.CATEGORY,
                CategoryInput.class,
                Category::findBySlug,
                category -> category.slug,
                CategoryService::toInput,
                this::apply,
                this::view));
  }

  @Transactional
  @ReadOnly
  public Page<CategoryResponse> list(PageRequest request, String sort, boolean tree) {
    Sort order = SortOrder.parse(sort, SORTABLE, "position,name").toSort();
    if (!tree) {
      PanacheQuery<Category> query = Category.findAll(order);
      query.page(request.page() - 1, request.size());
      List<Category> page = query.list();
      Map<UUID, Long> articles = counts.publishedInTrees(page.stream().map(c -> c.id).toList());
      return new Page<>(
          page.stream().map(c -> view(c, articles, null)).toList(), request, query.count());
    }
    List<Category> all = Category.listAll(order);
    Map<UUID, Long> articles = counts.publishedInTrees(all.stream().map(c -> c.id).toList());
    Map<UUID, List<Category>> byParent = new LinkedHashMap<>();
    List<Category> roots = new ArrayList<>();
    for (Category category : all) {
      if (category.parent == null) {
        roots.add(category);
      } else {
        byParent.computeIfAbsent(category.parent.id, k -> new ArrayList<>()).add(category);
      }
    }
    List<CategoryResponse> page =
        roots.stream()
            .skip(request.offset())
            .limit(request.size())
            .map(root -> node(root, byParent, articles))
            .toList();
    return new Page<>(page, request, roots.size());
  }

  private static CategoryResponse node(
      Category category, Map<UUID, List<Category>> byParent, Map<UUID, Long> articles) {
    List<CategoryResponse> children =
        byParent.getOrDefault(category.id, List.of()).stream()
            .map(child -> node(child, byParent, articles))
            .toList();
    return view(category, articles, children);
  }

  private static CategoryResponse view(
      Category category, Map<UUID, Long> articles, List<CategoryResponse> children) {
    return CategoryResponse.from(category, articles.getOrDefault(category.id, 0L), children);
  }

  private CategoryResponse view(Category category) {
    return view(category, counts.publishedInTrees(List.of(category.id)), null);
  }

  @Transactional
  @ReadOnly
  public CategoryResponse get(UUID id) {
    return view(categories.find(id));
  }

  @Transactional
  @ReadOnly
  public CategoryResponse getBySlug(String slug) {
    return view(categories.findBySlug(slug));
  }

  @Transactional
  public CategoryResponse create(CategoryInput input) {
    return view(categories.create(new Category(), input));
  }

  @Transactional
  public CategoryResponse replace(UUID id, CategoryInput input, String ifMatch) {
    return view(categories.replace(id, input, ifMatch));
  }

  @Transactional
  public CategoryResponse patch(UUID id, JsonNode patch, String ifMatch) {
    return view(categories.patch(id, patch, ifMatch));
  }

  @Transactional
  public void delete(UUID id, String ifMatch) {
    Category category = categories.lockForWrite(id, ifMatch);
    if (Category.count("parent", category) > 0) {
      throw ProblemException.conflict(
          "Category '" + category.slug + "' has subcategories; move or delete them first");
    }
    CategoryArticleCounts.Usage usage = counts.filedIn(category.id);
    if (usage.live() == 0 && usage.trashed() > 0) {
      throw ProblemException.conflict(
          "Category '"
              + category.slug
              + "' is used only by "
              + usage.trashed()
              + " article(s) in the trash; purge them from the trash, or restore them and move"
              + " them to another category, first");
    }
    categories.delete(
        category,
        "Category '"
            + category.slug
            + "' is used by articles; move them to another category first");
  }

  /** Resolves a reference from a write payload; an unknown target is an invalid field. */
  public Category resolve(Reference reference, String field) {
    return categories.resolve(reference, field);
  }

  private static CategoryInput toInput(Category category) {
    return new CategoryInput(
        category.name,
        category.slug,
        category.description,
        category.parent == null ? null : new Reference(category.parent.id, category.parent.slug),
        category.position);
  }

  private void apply(Category category, CategoryInput input) {
    category.name = input.name();
    category.description = input.description();
    category.position = input.position() == null ? 0 : input.position();
    Category parent = input.parent() == null ? null : resolve(input.parent(), "parent");
    if (parent != null && category.id != null) {
      // Moves are serialized, so two concurrent moves cannot build a cycle between them.
      Category.getEntityManager()
          .createNativeQuery("select pg_advisory_xact_lock(hashtext('feder.category-tree'))")
          .getSingleResult();
      Category.getEntityManager().refresh(parent);
    }
    if (parent != null && category.id != null && category.isAncestorOf(parent)) {
      throw ProblemException.invalidField(
          "parent", "would make the category its own ancestor (a cycle)");
    }
    category.parent = parent;
    category.slug =
        Slugs.choose(category.slug, input.slug(), input.name(), "category", Category::slugTaken);
  }
}
