package dev.feder.article;

/** Maps the article's flat columns to and from its nested parts; null when a part is empty. */
final class ArticleParts {

  private ArticleParts() {}

  static ArticleSource source(Article a) {
    return a.sourceName == null ? null : new ArticleSource(a.sourceName, a.sourceUrl);
  }

  static FeaturedImage featuredImage(Article a) {
    return a.imageUrl == null
        ? null
        : new FeaturedImage(a.imageUrl, a.imageAlt, a.imageCaption, a.imageCredit);
  }

  static Seo seo(Article a) {
    return a.metaTitle == null && a.metaDescription == null && a.canonicalUrl == null
        ? null
        : new Seo(a.metaTitle, a.metaDescription, a.canonicalUrl);
  }

  static void apply(Article a, ArticleSource source, FeaturedImage image, Seo seo) {
    a.sourceName = source == null ? null : source.name();
    a.sourceUrl = source == null ? null : source.url();
    a.imageUrl = image == null ? null : image.url();
    a.imageAlt = image == null ? null : image.alt();
    a.imageCaption = image == null ? null : image.caption();
    a.imageCredit = image == null ? null : image.credit();
    a.metaTitle = seo == null ? null : seo.metaTitle();
    a.metaDescription = seo == null ? null : seo.metaDescription();
    a.canonicalUrl = seo == null ? null : seo.canonicalUrl();
  }
}
