// Feeds too big or too odd for a parser on the bot's own thread (issue 11): thousands of items, the 5 MiB
// limit, elements nested thousands deep, titles of tens of thousands of characters. Used by the tests and
// by `npm run bench -- hostile`.

const xml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

/** Paragraphs of a desk's report, in the shape of the shared fixture (omar-field-rockets.ar.txt). */
export const REPORT = [
  "استهدفت ثمانية صواريخ محيط قاعدة التحالف الدولي المتواجدة بحقل العمر النفطي صباح اليوم، وفق مصادر من التحالف لشبكة دير الزور24 المحلية.",
  "ووفق المصدر أُطلقت الصواريخ من غرب مدينة الميادين التي تسيطر عليها الميليشيات الموالية للنظام، وأصابت أحد المساجد بأضرار مادية.",
  "وأضاف بأن قوات التحالف قامت بالرد على مصدر إطلاق الصواريخ بضربات محددة، مشيرة إلى أن القصف العشوائي يهدد تجمعات المدنيين.",
  "ويعد حقل العمر النفطي شرقي الميادين بمحافظة دير الزور أحد أكبر حقول النفط في سوريا.",
];

/** Sentences of a desk's short reports: each item of manyItems tells three of them, no two items the same three. */
const SENTENCES = [
  "سقطت قذائف صاروخية على أطراف مدينة الميادين فجر اليوم دون أن تسفر عن إصابات.",
  "أغلقت السلطات المحلية الطريق الواصل بين الرقة ودير الزور لساعات بسبب أعمال صيانة.",
  "ارتفعت أسعار الخبز في أسواق البوكمال بعد تأخر وصول شحنات الطحين.",
  "نظم أهالي قرية الشحيل وقفة احتجاجية للمطالبة بإصلاح شبكة مياه الشرب.",
  "أعلنت مديرية الصحة افتتاح مركز جديد للقاحات في حي الجورة.",
  "شهدت ضفة نهر الفرات ارتفاعًا في منسوب المياه بعد فتح بوابات السد.",
  "قال مزارعون في ريف حلب إن موسم القمح تأثر بقلة الأمطار هذا العام.",
  "استأنفت المدارس في مدينة الحسكة الدوام بعد عطلة استمرت أسبوعين.",
  "انقطع التيار الكهربائي عن أحياء واسعة في مدينة حمص لساعات طويلة.",
  "وصلت قافلة مساعدات إنسانية إلى مخيم الهول تحمل مواد غذائية وأدوية.",
  "تحدث سكان في مدينة إدلب عن نقص حاد في الوقود مع دخول فصل الشتاء.",
  "افتتح معرض للكتاب في دمشق بمشاركة عشرات دور النشر المحلية والعربية.",
];

const SETS: string[][] = [];
for (let a = 0; a < SENTENCES.length; a++)
  for (let b = a + 1; b < SENTENCES.length; b++)
    for (let c = b + 1; c < SENTENCES.length; c++) SETS.push([a, b, c].map((i) => SENTENCES[i] as string));

/** The `n`-th set of three distinct sentences (220 sets, in order). */
function threeSentences(n: number): string[] {
  return SETS[n % SETS.length] as string[];
}

const PLACES = [
  "دير الزور",
  "الميادين",
  "البوكمال",
  "حقل العمر",
  "الرقة",
  "حلب",
  "حمص",
  "إدلب",
  "الحسكة",
  "دمشق",
];
const WORDS = [...new Set(SENTENCES.join(" ").replace(/[.،]/g, "").split(" "))];

/**
 * A long report of about `length` characters, one line per sentence of twelve words and a place: words drawn
 * by a seeded generator, so that reports of different seeds are different stories (not near-duplicates).
 */
export function longReport(seed: number, length: number): string[] {
  let counter = 0;
  const next = (n: number) => {
    // Murmur3's finalizer of (seed, counter): streams of different seeds never line up.
    let h = (Math.imul(seed + 1, 0x9e3779b1) ^ counter++) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0) % n;
  };
  const lines: string[] = [];
  let size = 0;
  while (size < length) {
    const words = Array.from({ length: 12 }, () => WORDS[next(WORDS.length)] as string);
    words.splice(next(12), 0, PLACES[next(PLACES.length)] as string);
    const line = `${words.join(" ")}.`;
    lines.push(line);
    size += line.length + 2;
  }
  return lines;
}

export interface FeedItem {
  title: string;
  /** Paragraphs, written as HTML paragraphs in the description. */
  body: string[];
  publishedAt?: number;
}

/** A short name for a feed's title, so that two feeds' items have different links. */
function slug(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** An RSS 2.0 document of `items`, each with a link under https://desk.example.org/<the title's slug>/. */
export function rss(title: string, items: FeedItem[], extra = ""): string {
  const site = slug(title);
  const entries = items.map((it, i) => {
    const date =
      it.publishedAt === undefined ? "" : `<pubDate>${new Date(it.publishedAt).toUTCString()}</pubDate>`;
    const html = it.body.map((p) => `<p>${p}</p>`).join("");
    return `<item><title>${xml(it.title)}</title><link>https://desk.example.org/${site}/${i}</link>${date}<description>${xml(html)}</description>${extra}</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(title)}</title><link>https://desk.example.org/</link>${entries.join("")}</channel></rss>`;
}

const DAY = Date.UTC(2026, 10, 20);

/**
 * A feed of `count` short reports, one a minute, oldest first; item i is titled `خبر رقم i من الرقة`, and any
 * 220 items in a row are distinct stories (not near-duplicates of each other).
 */
export function manyItems(count: number): string {
  return rss(
    "مكتب الرقة",
    Array.from({ length: count }, (_, i) => ({
      title: `خبر رقم ${i} من الرقة`,
      body: threeSentences(i),
      publishedAt: DAY + i * 60_000,
    })),
  );
}

/** manyItems with as many items as make about `bytes` UTF-8 bytes: just under the fetcher's 5 MiB by default. */
export function ofSize(bytes = 5 * 1024 * 1024 - 64 * 1024): string {
  const perItem = Buffer.byteLength(manyItems(1100)) / 1100;
  return manyItems(Math.floor(bytes / perItem));
}

/** A feed whose items each hold an unknown element nested `depth` deep. */
export function deeplyNested(depth = 20_000, items = 3): string {
  const nest = `${"<x:box>".repeat(depth)}${"</x:box>".repeat(depth)}`;
  return rss(
    "مكتب الميادين",
    Array.from({ length: items }, (_, i) => ({ title: `خبر متداخل رقم ${i}`, body: [REPORT[0] as string] })),
    nest,
  ).replace('<rss version="2.0">', '<rss version="2.0" xmlns:x="https://desk.example.org/x">');
}

/** A feed title and item titles of `length` characters each. */
export function hugeTitles(length = 60_000, items = 20): string {
  const long = (s: string) => s.repeat(Math.ceil(length / s.length)).slice(0, length);
  return rss(
    long("نشرة الفرات "),
    Array.from({ length: items }, (_, i) => ({
      title: `عاجل ${i}: ${long("قصف على حقل العمر ")}`,
      body: threeSentences(i),
      publishedAt: DAY + i * 60_000,
    })),
  );
}
