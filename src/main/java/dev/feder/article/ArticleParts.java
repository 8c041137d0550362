package dev.feder.article;

import dev.feder.asset.Asset;
import dev.feder.asset.AssetReference;
import dev.feder.asset.EmbeddedImage;

/** Maps the article's flat columns to and from its nested parts; null when a part is empty. */
final class ArticleParts {

  private ArticleParts() {}

  static ArticleSource source(Article a) {
    return a.sourceName == null ? null : new ArticleSource(a.sourceName, a.sourceUrl);
  }

  /** The lead image as responses embed it: an asset with this article's texts, or a URL. */
  static EmbeddedImage featuredImage(Article a) {
    if (a.imageAsset != null) {
      return EmbeddedImage.of(a.imageAsset, a.imageAlt, a.imageCaption, a.imageCredit);
    }
    return a.imageUrl == null
        ? null
        : EmbeddedImage.external(a.imageUrl, a.imageAlt, a.imageCaption, a.imageCredit);
  }

  /** The lead image as a client writes it. */
  static FeaturedImageInput featuredImageInput(Article a) {
    if (a.imageAsset != null) {
      return new FeaturedImageInput(
          new AssetReference(a.imageAsset.id), null, a.imageAlt, a.imageCaption, a.imageCredit);
    }
    return a.imageUrl == null
        ? null
        : new FeaturedImageInput(null, a.imageUrl, a.imageAlt, a.imageCaption, a.imageCredit);
  }

  static Seo seo(Article a) {
    return a.metaTitle == null && a.metaDescription == null && a.canonicalUrl == null
        ? null
        : new Seo(a.metaTitle, a.metaDescription, a.canonicalUrl);
  }

  static void apply(
      Article a, ArticleSource source, FeaturedImageInput image, Asset imageAsset, Seo seo) {
    a.sourceName = source == null ? null : source.name();
    a.sourceUrl = source == null ? null : source.url();
    a.imageAsset = imageAsset;
    a.imageUrl = image == null || imageAsset != null ? null : image.url();
    a.imageAlt = image == null ? null : image.alt();
    a.imageCaption = image == null ? null : image.caption();
    a.imageCredit = image == null ? null : image.credit();
    a.metaTitle = seo == null ? null : seo.metaTitle();
    a.metaDescription = seo == null ? null : seo.metaDescription();
    a.canonicalUrl = seo == null ? null : seo.canonicalUrl();
  }
}
