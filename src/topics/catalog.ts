// The built-in topic catalog: data in catalog.json, validated here. Admins extend it in the database.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LANGUAGES } from "../domain";
import type { SeedTopic } from "../store/topics";

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

/**
 * The catalog's topics as the store seeds them: names and `aliases` are strong aliases, `weak` ones need
 * support, `exclude` ones cancel the hits they overlap (text/matcher's AliasStrength).
 */
export function seedTopics(catalog: Catalog): SeedTopic[] {
  return catalog.topics.map((t) => {
    const aliases: SeedTopic["aliases"] = [
      { alias: t.name.ar, lang: "ar", strength: "strong" },
      { alias: t.name.en, lang: "en", strength: "strong" },
    ];
    for (const lang of LANGUAGES) {
      for (const alias of t.aliases[lang]) aliases.push({ alias, lang, strength: "strong" });
      for (const alias of t.weak[lang]) aliases.push({ alias, lang, strength: "weak" });
      for (const alias of t.exclude[lang]) aliases.push({ alias, lang, strength: "exclude" });
    }
    return { slug: t.slug, parent: t.parent, kind: t.kind, nameAr: t.name.ar, nameEn: t.name.en, aliases };
  });
}
