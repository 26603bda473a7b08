// The built-in topic catalog: data in catalog.json, validated here. Admins extend it in the database.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";

const perLanguage = z.object({ ar: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });

const catalogTopic = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  parent: z.string().nullable(),
  kind: z.enum(["country", "governorate", "city", "town", "site", "topic"]),
  name: z.object({ ar: z.string().min(1), en: z.string().min(1) }),
  aliases: perLanguage,
  weak: perLanguage,
  exclude: perLanguage,
});

const catalogSchema = z.object({
  cues: perLanguage,
  topics: z.array(catalogTopic),
});

/** One topic as the catalog file describes it. */
export type CatalogTopic = z.infer<typeof catalogTopic>;
/** The whole catalog file. */
export type Catalog = z.infer<typeof catalogSchema> & { hash: string };

const CATALOG_URL = new URL("./catalog.json", import.meta.url);

/** Reads and validates catalog.json; `hash` changes whenever the file does (used to skip re-seeding). */
export function loadCatalog(path: URL | string = CATALOG_URL): Catalog {
  const raw = readFileSync(path, "utf8");
  const catalog = catalogSchema.parse(JSON.parse(raw));
  const seen = new Set<string>();
  for (const topic of catalog.topics) {
    if (seen.has(topic.slug)) throw new Error(`catalog: duplicate slug ${topic.slug}`);
    if (topic.parent !== null && !seen.has(topic.parent)) {
      throw new Error(`catalog: ${topic.slug} names parent ${topic.parent}, which must come before it`);
    }
    seen.add(topic.slug);
  }
  return { ...catalog, hash: createHash("sha256").update(raw).digest("hex") };
}
