// A synthetic news corpus for benchmarks: Arabic and English articles of about 5 KB, mentioning the
// catalog's places the way newsrooms write them (proclitics, joined forms, transliterations).

import type { ArticleInput } from "../src/ingest/types";
import { loadCatalog } from "../src/topics/catalog";
import { random } from "../test/support/random";

const AR_FILLER = [
  "وأفادت مصادر محلية بأن الأوضاع الميدانية شهدت توترًا ملحوظًا خلال الساعات الماضية",
  "وقال أحد السكان إن الأسعار ارتفعت بشكل كبير مع بداية الشهر الجاري",
  "وأشار التقرير إلى أن المنظمات الإنسانية تواجه صعوبات في إيصال المساعدات",
  "وتشهد المنطقة انقطاعًا متكررًا للكهرباء والمياه منذ أسابيع",
  "وأكدت الجهات المعنية أنها تعمل على إعادة تأهيل البنية التحتية المتضررة",
  "ونقلت وكالات أنباء عن شهود عيان سماع دوي انفجارات في محيط المنطقة",
  "ويعاني المزارعون من ارتفاع تكاليف الري وشح المحروقات في الأسواق",
  "وطالب الأهالي بتحسين الخدمات الصحية وافتتاح مراكز طبية جديدة",
];
const EN_FILLER = [
  "Local sources said the situation on the ground remained tense over the past hours",
  "A resident said prices had risen sharply since the start of the month",
  "The report noted that humanitarian organisations face difficulties delivering aid",
  "The area has seen repeated power and water cuts for weeks",
  "Officials said they were working to rehabilitate damaged infrastructure",
  "News agencies quoted witnesses who heard explosions near the area",
  "Farmers are struggling with the cost of irrigation and a shortage of fuel",
  "Residents called for better health services and new medical centres",
];
const AR_PROCLITICS = ["", "", "", "في ", "ب", "و", "ل", "وفي "];

/**
 * `count` articles, alternating Arabic (two thirds) and English, each at least `bytes` long in UTF-8; numbered from
 * `first` (titles, links and times), so that a large corpus can be generated and imported a part at a time.
 */
export function generateCorpus(count: number, bytes = 5000, seed = 42, first = 0): ArticleInput[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const catalog = loadCatalog();
  const arNames = catalog.topics.flatMap((t) => [t.name.ar, ...t.aliases.ar]);
  const enNames = catalog.topics.flatMap((t) => [t.name.en, ...t.aliases.en]);
  const articles: ArticleInput[] = [];
  for (let i = first; i < first + count; i++) {
    const arabic = i % 3 !== 2;
    const names = arabic ? arNames : enNames;
    const filler = arabic ? AR_FILLER : EN_FILLER;
    const place = () => (arabic ? pick(AR_PROCLITICS) : "in ") + pick(names);
    const title = arabic ? `تطورات ${place()} خلال اليوم ${i}` : `Developments ${place()} on day ${i}`;
    const sentences: string[] = [];
    let size = 0;
    while (size < bytes) {
      const sentence = rnd() < 0.25 ? `${pick(filler)} ${place()}.` : `${pick(filler)}.`;
      sentences.push(sentence);
      size += Buffer.byteLength(sentence) + 1;
    }
    articles.push({
      title,
      body: sentences.join(rnd() < 0.2 ? "\n\n" : " "),
      url: `https://bench.example.org/${i}`,
      source: arabic ? "مكتب الفرات" : "Euphrates Desk",
      publishedAt: Date.UTC(2026, 0, 1) + i * 60_000,
    });
  }
  return articles;
}
