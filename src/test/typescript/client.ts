// The calls a frontend and an editor tool make, typed by openapi-typescript 7 (default options)
// from openapi/openapi.yaml and sent with openapi-fetch. TypedClientTest generates feder-api.d.ts
// and fails when this file does not type-check against it.
import createClient from "openapi-fetch";
import type { components, paths } from "./feder-api";

type Article = components["schemas"]["Article"];
type ArticleListItem = components["schemas"]["ArticleListItem"];
type Problem = components["schemas"]["Problem"];

const feder = createClient<paths>({ baseUrl: "https://cms.example.org" });
const auth = { Authorization: "Bearer feder_q3Xv0l9JcWm2R8tYb4Kz1NfHs7Pd6Ea5Ug0Oi3Lw9Cx" };

/** What an editor sees of a refused write: the message, and which fields are wrong. */
function explain(problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return [`${problem.status} ${problem.title}: ${problem.detail}`, ...fields].join("\n");
}

/** An editor tool creates an article with just what it has; Feder fills in the rest. */
export async function createArticle(): Promise<{ article: Article; etag: string }> {
  const { data, error, response } = await feder.POST("/api/v1/articles", {
    headers: auth,
    body: {
      title: "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang",
      excerpt: "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.",
      body: "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>",
      status: "draft",
      category: { slug: "nachrichten" },
      authors: [{ slug: "sophie-mueller" }],
      tags: ["Nordkorea", "Marine"],
    },
  });
  if (error) {
    throw new Error(explain(error));
  }
  return { article: data, etag: response.headers.get("ETag") ?? "" };
}

/** A frontend lists the newest articles of a section. */
export async function section(slug: string, page = 1): Promise<string[]> {
  const { data, error } = await feder.GET("/api/v1/articles", {
    params: { query: { category: slug, page, size: 20, sort: "-publishedAt" } },
  });
  if (error) {
    throw new Error(explain(error));
  }
  const items: ArticleListItem[] = data.data;
  const teasers = items.map((item) => {
    const byline = item.authors.map((author) => author.name).join(", ");
    const date = item.publishedAt ? new Date(item.publishedAt).toLocaleDateString("de-DE") : "";
    return `${item.category.name}: ${item.title} (${byline}, ${date}, ${item.readingTimeMinutes} min)`;
  });
  const pages: number | undefined = data.meta.totalPages;
  const next: string | undefined = data.links.next;
  return pages !== undefined && next ? [...teasers, `Seite ${page} von ${pages}`] : teasers;
}

/** A frontend renders one article page; an unknown or unpublished slug is a 404. */
export async function articlePage(slug: string): Promise<string | null> {
  const { data, error, response } = await feder.GET("/api/v1/articles/slug/{slug}", {
    params: { path: { slug } },
  });
  if (response.status === 404) {
    return null;
  }
  if (error) {
    throw new Error(explain(error));
  }
  const related = data.related.map((r) => `<a href="/artikel/${r.slug}">${r.title}</a>`);
  const image = data.featuredImage ? `<img src="${data.featuredImage.url}" alt="${data.featuredImage.alt ?? ""}">` : "";
  const words: number = data.wordCount;
  return `<h1>${data.title}</h1>${image}${data.body}<p>${words} Wörter</p>${related.join("")}`;
}

/** An editor publishes with the ETag last read; someone else's newer change is a 412. */
export async function publish(id: string, etag: string): Promise<Article | "changed meanwhile"> {
  const { data, error, response } = await feder.PATCH("/api/v1/articles/{id}", {
    params: { path: { id }, header: { "If-Match": etag } },
    headers: { ...auth, "Content-Type": "application/merge-patch+json" },
    body: { status: "published", subtitle: null, seo: { metaTitle: "Marine probt" } },
  });
  if (response.status === 412) {
    return "changed meanwhile";
  }
  if (error) {
    throw new Error(explain(error));
  }
  return data;
}

/** A stored revision reads back in the shape a PUT takes. */
export async function bringBack(id: string, n: number, etag: string): Promise<Article> {
  const revision = await feder.GET("/api/v1/articles/{id}/revisions/{n}", {
    headers: auth,
    params: { path: { id, n } },
  });
  if (revision.error) {
    throw new Error(explain(revision.error));
  }
  const { data, error } = await feder.PUT("/api/v1/articles/{id}", {
    headers: auth,
    params: { path: { id }, header: { "If-Match": etag } },
    body: revision.data.state,
  });
  if (error) {
    throw new Error(explain(error));
  }
  return data;
}

// What must not type-check: a create without its category, a status Feder does not know.
export async function refusedByTheTypes(): Promise<void> {
  // @ts-expect-error category is required
  await feder.POST("/api/v1/articles", { headers: auth, body: { title: "Ohne Ressort" } });
  await feder.POST("/api/v1/articles", {
    headers: auth,
    // @ts-expect-error statuses are lower case, as sent: published, not PUBLISHED
    body: { title: "Großbuchstaben", category: { slug: "welt" }, status: "PUBLISHED" },
  });
}
