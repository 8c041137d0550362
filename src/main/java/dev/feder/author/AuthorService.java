package dev.feder.author;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.asset.Asset;
import dev.feder.asset.AssetReference;
import dev.feder.asset.AssetService;
import dev.feder.audit.AuditEntityType;
import dev.feder.auth.Caller;
import dev.feder.crud.Crud;
import dev.feder.crud.Cruds;
import dev.feder.error.ProblemException;
import dev.feder.event.EntityState;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.persistence.ReadOnly;
import dev.feder.text.Slugs;
import dev.feder.web.Reference;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rules for authors: slugs, the private email, preconditions and the delete guard. */
@ApplicationScoped
public class AuthorService {

  static final Map<String, String> SORTABLE =
      Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

  private final Caller caller;
  private final AuthorArticleCounts counts;
  private final Crud<Author, AuthorInput> authors;
  private final AssetService assets;

  public AuthorService(
      Cruds cruds, Caller caller, AuthorArticleCounts counts, AssetService assets) {
    this.caller = caller;
    this.counts = counts;
    this.assets = assets;
    this.authors =
        cruds.of(
            new Crud.Kind<>(
                Author.class,
                AuditEntityType.AUTHOR,
                AuthorInput.class,
                Author::findBySlug,
                author -> author.slug,
                AuthorService::toInput,
                this::apply,
                this::view,
                author -> EntityState.author(author.slug)));
  }

  @Transactional
  @ReadOnly
  public Page<AuthorResponse> list(PageRequest request, String sort) {
    PanacheQuery<Author> query = Author.findAll(SortOrder.parse(sort, SORTABLE, "name").toSort());
    query.page(request.page() - 1, request.size());
    List<Author> page = query.list();
    Map<UUID, Long> articles = counts.publishedBy(page.stream().map(a -> a.id).toList());
    return new Page<>(page.stream().map(a -> view(a, articles)).toList(), request, query.count());
  }

  @Transactional
  @ReadOnly
  public AuthorResponse get(UUID id) {
    return view(authors.find(id));
  }

  @Transactional
  @ReadOnly
  public AuthorResponse getBySlug(String slug) {
    return view(authors.findBySlug(slug));
  }

  @Transactional
  public AuthorResponse create(AuthorInput input) {
    return view(recordAssetUses(authors.create(new Author(), input)));
  }

  @Transactional
  public AuthorResponse replace(UUID id, AuthorInput input, String ifMatch) {
    return view(recordAssetUses(authors.replace(id, input, ifMatch)));
  }

  @Transactional
  public AuthorResponse patch(UUID id, JsonNode patch, String ifMatch) {
    return view(recordAssetUses(authors.patch(id, patch, ifMatch)));
  }

  @Transactional
  public void delete(UUID id, String ifMatch) {
    Author author = authors.lockForWrite(id, ifMatch);
    AuthorArticleCounts.Usage usage = counts.namedIn(author.id);
    if (usage.live() == 0 && usage.trashed() > 0) {
      throw ProblemException.conflict(
          "Author '"
              + author.slug
              + "' is named only in "
              + usage.trashed()
              + " article(s) in the trash; purge them from the trash, or restore them and change"
              + " their bylines, first");
    }
    authors.delete(
        author,
        "Author '"
            + author.slug
            + "' is named in articles or API tokens; remove the author from those bylines"
            + " first (an author who has API tokens, even revoked ones, stays)");
  }

  /** Resolves a reference from a write payload; an unknown target is an invalid field. */
  public Author resolve(Reference reference, String field) {
    return authors.resolve(reference, field);
  }

  private AuthorResponse view(Author author) {
    return view(author, counts.publishedBy(List.of(author.id)));
  }

  private AuthorResponse view(Author author, Map<UUID, Long> articles) {
    return AuthorResponse.from(
        author, articles.getOrDefault(author.id, 0L), caller.seesUnpublished());
  }

  private static AuthorInput toInput(Author author) {
    return new AuthorInput(
        author.name,
        author.slug,
        author.bio,
        author.email,
        author.avatarUrl,
        author.avatarAsset == null
            ? null
            : new AvatarInput(new AssetReference(author.avatarAsset.id)),
        author.website);
  }

  private Asset avatarAsset(AvatarInput avatar) {
    Asset asset = assets.findAll(List.of(avatar.asset().id())).get(avatar.asset().id());
    if (asset == null) {
      throw ProblemException.invalidField(
          "avatar.asset.id", "no asset with id '" + avatar.asset().id() + "'");
    }
    if (!asset.isImage()) {
      throw ProblemException.invalidField("avatar.asset", "is a PDF, not an image");
    }
    return asset;
  }

  /** Records which asset the author shows, for the media library's usage and visibility. */
  private Author recordAssetUses(Author author) {
    assets.recordUses(
        null,
        author.id,
        "avatar",
        author.avatarAsset == null ? List.of() : List.of(author.avatarAsset.id));
    return author;
  }

  private void apply(Author author, AuthorInput input) {
    author.name = input.name();
    author.bio = input.bio();
    author.email = input.email();
    author.avatarUrl = input.avatarUrl();
    author.avatarAsset = input.avatar() == null ? null : avatarAsset(input.avatar());
    author.website = input.website();
    author.slug =
        Slugs.choose(author.slug, input.slug(), input.name(), "author", Author::slugTaken);
  }
}
