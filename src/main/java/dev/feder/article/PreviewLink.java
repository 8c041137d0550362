package dev.feder.article;

import dev.feder.article.preview.PreviewTokens;
import dev.feder.web.Previews;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A preview link just made: whoever holds its token may read the article as it stands. */
@Schema(name = "PreviewLink", examples = ArticleExamples.PREVIEW_LINK)
public record PreviewLink(
    @Schema(
            required = true,
            description =
                "The preview token: send it with a read of this article by id or by slug, as the"
                    + " query parameter preview or in the Feder-Preview header")
        String token,
    @Schema(required = true, description = "When the link stops working") Instant expiresAt,
    @Schema(required = true, description = "The article it shows") UUID articleId,
    @Schema(
            required = true,
            description = "The read of the article with the token, a path on this API",
            examples = "/api/v1/articles/6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88?preview=AW8c…")
        String url,
    @Schema(
            required = true,
            description =
                "The website's draft-mode route with the token, for editors to open"
                    + " (FEDER_FRONTEND_PREVIEW_URL)")
        String previewUrl) {

  /** The path of the article's read with the token. */
  static String readPath(UUID articleId, String token) {
    return "/api/v1/articles/" + articleId + "?" + Previews.PARAMETER + "=" + encode(token);
  }

  static PreviewLink of(Article article, PreviewTokens.Issued issued, String previewUrlTemplate) {
    String token = issued.token();
    return new PreviewLink(
        token,
        issued.expiresAt(),
        article.id,
        readPath(article.id, token),
        previewUrlTemplate
            .replace("{token}", encode(token))
            .replace("{slug}", encode(article.slug))
            .replace("{id}", article.id.toString()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
