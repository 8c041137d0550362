package dev.feder.article;

import dev.feder.asset.Asset;
import dev.feder.asset.AssetReference;
import dev.feder.asset.EmbeddedImage;

/** Maps the article's flat columns to and from its nested parts; null when a part is empty. */
final class ArticleParts {

  private ArticleParts() {}

  static ArticleSource source(Article a) {
    return source(a.sourceName, a.sourceUrl);
  }

  /** The source line of an article stored with these columns. */
  static ArticleSource source(String name, String url) {
    return name == null ? null : new ArticleSource(name, url);
  }

  /** The lead image as responses embed it: an asset with this article's texts, or a URL. */
  static EmbeddedImage featuredImage(Article a) {
    return featuredImage(a.imageAsset, a.imageUrl, a.imageAlt, a.imageCaption, a.imageCredit);
  }

  /** The lead image of an article stored with these columns ({@code asset} null for none). */
  static EmbeddedImage featuredImage(
      Asset asset, String url, String alt, String caption, String credit) {
    if (asset != null) {
      return EmbeddedImage.of(asset, alt, caption, credit);
    }
    return url == null ? null : EmbeddedImage.external(url, alt, caption, credit);
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
    return seo(a.metaTitle, a.metaDescription, a.canonicalUrl);
  }

  /** The search-engine fields of an article stored with these columns. */
  static Seo seo(String metaTitle, String metaDescription, String canonicalUrl) {
    return metaTitle == null && metaDescription == null && canonicalUrl == null
        ? null
        : new Seo(metaTitle, metaDescription, canonicalUrl);
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
