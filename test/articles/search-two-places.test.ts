// A search naming two places finds an article about both, however many newer articles name only one of them.
import { afterAll, expect, it } from "vitest";
import { ArticleService } from "../../src/articles/service";
import { AudiencePolicy } from "../../src/audience/policy";
import { Importer } from "../../src/ingest/importer";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const clock = manualClock(Date.UTC(2026, 10, 20, 6, 0));
const { store, topics, cleanup } = tempStore(clock);
afterAll(() => cleanup());

it("finds an older article tagged with both places past each place's newest 500", () => {
  const importer = new Importer(store, topics, clock);
  const both = importer.importOne(
    {
      title: "Water trucks reach Mayadin and Al-Bukamal after a week without supply",
      body: "Local councils in Mayadin and Al-Bukamal said the trucks will come twice a week until the pumping station on the Euphrates is repaired.",
    },
    { origin: "import" },
  ).article.id;
  const one = (place: string, i: number) => ({
    title: `خبر رقم ${i} من ${place}`,
    body: `أفاد مراسلنا في ${place} بأن الأسواق فتحت أبوابها صباح اليوم كالمعتاد.`,
  });
  clock.advance(60_000);
  importer.importAll(
    Array.from({ length: 520 }, (_, i) => one("الميادين", i)).concat(
      Array.from({ length: 520 }, (_, i) => one("البوكمال", i)),
    ),
    { origin: "import" },
  );
  const articles = new ArticleService(store, topics, new AudiencePolicy(store, topics), clock);
  // Arabic names of the places; the article names them in English only: found by its tags.
  const result = articles.search("الميادين البوكمال", 0);
  expect(result.total).toBe(1);
  expect(result.items.map((a) => a.id)).toEqual([both]);
});
