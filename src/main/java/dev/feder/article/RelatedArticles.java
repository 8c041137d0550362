package dev.feder.article;

import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The articles related to one article, most related first. */
@Schema(name = "RelatedArticles", examples = ArticleExamples.RELATED)
public record RelatedArticles(
    @Schema(required = true, description = "Pinned ones first, then computed ones")
        List<ArticleListItem> data)
    implements CacheTagged {

  /**
   * The articles shown. Which articles are related changes also with articles no tag names (a new
   * one sharing tags): the resource marks the answer as lagging.
   */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.addAll(data);
  }
}
