// The cases of docs/arabic.md (lookup and tagging) against the built-in catalog, through the real store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPlace } from "../../src/articles/search";
import type { TopicService } from "../../src/topics/service";
import { levenshtein } from "../../src/topics/topic-index";
import { tempStore } from "../support/temp";

let topics: TopicService;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempStore();
  topics = temp.topics;
  cleanup = temp.cleanup;
});
afterAll(() => cleanup());

const tagged = (text: string) => topics.tag(text).map((t) => t.slug);
const looked = (name: string) => topics.lookup(name).matches.map((t) => t.slug);

describe("the built-in catalog", () => {
  it("has every slug the product requires, in the right place", () => {
    const index = topics.index();
    const required = [
      "syria",
      "damascus",
      "rif-dimashq",
      "aleppo",
      "homs",
      "hama",
      "latakia",
      "tartus",
      "idlib",
      "raqqa",
      "deir-ez-zor",
      "hasakah",
      "daraa",
      "as-suwayda",
      "quneitra",
      "mayadin",
      "al-bukamal",
      "omar-oil-field",
      "hajin",
      "conoco-gas-field",
      "al-tanf",
      "iraq",
      "lebanon",
      "turkey",
      "jordan",
      "iran",
    ];
    for (const slug of required) expect(index.bySlug(slug), slug).toBeDefined();
    const parentOf = (slug: string) => index.bySlug(slug)?.parent?.slug;
    for (const slug of ["mayadin", "al-bukamal", "omar-oil-field", "hajin", "conoco-gas-field"]) {
      expect(parentOf(slug)).toBe("deir-ez-zor");
    }
    expect(parentOf("al-tanf")).toBe("homs");
    expect(parentOf("deir-ez-zor")).toBe("syria");
    for (const slug of ["iraq", "lebanon", "turkey", "jordan", "iran", "syria"])
      expect(parentOf(slug)).toBeUndefined();
    const governorates = index.bySlug("syria")?.children.filter((c) => c.kind === "governorate") ?? [];
    expect(governorates).toHaveLength(14);
  });

  it("gives Mayadin's ancestors nearest first", () => {
    const index = topics.index();
    const mayadin = index.bySlug("mayadin");
    expect(mayadin && index.ancestors(mayadin).map((t) => t.slug)).toEqual(["deir-ez-zor", "syria"]);
  });
});

describe("lookup of what a reader types", () => {
  it.each([
    "دير الزور",
    "Deir ez-Zor",
    "deir ezzor",
    "دَيْر الزُّور",
    "ديرالزور",
    "DEIR EZ-ZOR",
    "Dayr az-Zawr",
    "Deir al-Zour",
    "deir-ez-zor",
    "ديـــر الزور",
    "ﺩﻳﺮ ﺍﻟﺰﻭﺭ",
    "دیر الزور",
    "#دير_الزور",
    " دير  الزور ",
  ])("%s → deir-ez-zor, one topic", (name) => {
    expect(looked(name)).toEqual(["deir-ez-zor"]);
  });

  it.each([
    ["الميادين", "mayadin"],
    ["ميادين", "mayadin"],
    ["al-Mayadin", "mayadin"],
    ["البوكمال", "al-bukamal"],
    ["البو كمال", "al-bukamal"],
    ["Abu Kamal", "al-bukamal"],
    ["حقل العمر", "omar-oil-field"],
    ["Omar oil field", "omar-oil-field"],
    ["سورية", "syria"],
    ["سوريا", "syria"],
    ["Syria", "syria"],
    ["التنف", "al-tanf"],
    ["إيران", "iran"],
    ["العراق", "iraq"],
  ])("%s → %s", (name, slug) => {
    expect(looked(name)).toEqual([slug]);
  });

  it.each(["دير", "Deir", "الزور", "دير حافر", "دير البلح", "Deir al-Balah", "ديرالزورية", "", "   ", "!!!"])(
    "%s is not a topic",
    (name) => {
      expect(looked(name)).toEqual([]);
    },
  );

  it("finds a place named without its article, but turns no alias's bare form into a topic", () => {
    expect(looked("ميادين")).toEqual(["mayadin"]);
    expect(looked("بوكمال")).toEqual(["al-bukamal"]);
    // Bare forms of aliases are ordinary words: layer, dignity, standing.
    for (const word of ["طبقة", "كرامة", "قايم"]) expect(looked(word)).toEqual([]);
    // Is a name taken? Only the exact name counts.
    expect(topics.lookup("ميادين", { exact: true }).matches).toEqual([]);
  });

  it("suggests the nearest topics for a misspelling", () => {
    expect(topics.lookup("Deir Ezor").suggestions.map((t) => t.slug)).toContain("deir-ez-zor");
    expect(topics.lookup("ميادن").suggestions.map((t) => t.slug)).toContain("mayadin");
    expect(topics.lookup("Raqah").suggestions.map((t) => t.slug)).toContain("raqqa");
    expect(topics.lookup("Deir").suggestions.map((t) => t.slug)).toContain("deir-ez-zor");
  });

  it("suggests nothing for gibberish and survives huge input", () => {
    expect(topics.lookup("qqqqqqqqqq").suggestions).toEqual([]);
    const huge = "دير الزور ".repeat(5000);
    expect(topics.lookup(huge).matches).toEqual([]);
  });
});

describe("tagging (docs/arabic.md cases)", () => {
  it.each([
    "دير الزور",
    "دَيْر الزُّور",
    "بدير الزور",
    "ولدير الزور",
    "ديرالزور",
    "ديـــر الزور",
    "ﺩﻳﺮ ﺍﻟﺰﻭﺭ",
    "دیر الزور",
    "ريف دير الزور",
    "#دير_الزور",
    "Deir ez-Zor",
    "DEIR EZ-ZOR",
    "Dayr az-Zawr",
    "Deir Ezzor's",
    "Deir ez-Zor-based",
  ])("Deir ez-Zor: %s", (text) => {
    expect(tagged(`خبر: ${text} اليوم`)).toContain("deir-ez-zor");
  });

  it.each(["الزور", "شهادة الزور", "دير", "Deir", "دير حافر", "دير البلح", "Deir al-Balah", "ديرالزورية"])(
    "not Deir ez-Zor: %s",
    (text) => {
      expect(tagged(text)).not.toContain("deir-ez-zor");
    },
  );

  it.each(["في الميادين", "بالميادين", "للميادين", "al-Mayadin"])("Mayadin: %s", (text) => {
    expect(tagged(text)).toContain("mayadin");
  });

  it.each(["ميادين التحرير", "نقلت قناة الميادين", "Al Mayadeen TV reported"])("not Mayadin: %s", (text) => {
    expect(tagged(text)).not.toContain("mayadin");
  });

  it.each(["حقل العمر النفطي", "بحقل العمر", "Omar oil field"])("Omar oil field: %s", (text) => {
    expect(tagged(text)).toContain("omar-oil-field");
  });

  it.each(["تقدم في العمر", "Omar Abdullah said"])("not the Omar oil field: %s", (text) => {
    expect(tagged(text)).not.toContain("omar-oil-field");
  });

  it.each(["البوكمال", "البو كمال", "والبوكمال", "Abu Kamal"])("Al-Bukamal: %s", (text) => {
    expect(tagged(text)).toContain("al-bukamal");
  });

  it.each(["كمال", "قال أبو كمال، أحد السكان"])("not Al-Bukamal: %s", (text) => {
    expect(tagged(text)).not.toContain("al-bukamal");
  });

  it("counts a weak alias with a cue word or support from the same branch", () => {
    expect(tagged("قصف على مدينة أبو كمال")).toContain("al-bukamal");
    expect(tagged("من الميادين إلى أبو كمال")).toEqual(["mayadin", "al-bukamal"]);
  });

  it("prefers the longest reading: the channel's name is not the town", () => {
    expect(tagged("Al Mayadeen reported clashes")).not.toContain("mayadin");
    expect(tagged("clashes in al-Mayadin")).toContain("mayadin");
    expect(tagged("قصف في ريف دمشق")).toEqual(["rif-dimashq"]);
  });

  it("accepts cue phrases of several words", () => {
    expect(tagged("Al Mayadeen reported shelling")).not.toContain("mayadin");
    expect(tagged("shelling in the countryside of Al Mayadeen")).toContain("mayadin");
  });

  it.each(["سورية", "سوريه", "بسوريا"])("Syria: %s", (text) => {
    expect(tagged(text)).toContain("syria");
  });

  it("tags topics in order of first mention, each once", () => {
    expect(tagged("الميادين ثم دير الزور ثم الميادين مرة أخرى")).toEqual(["mayadin", "deir-ez-zor"]);
  });
});

describe("a retired place (/retiretopic)", () => {
  it("is kept by id for its articles, and gone from lookup, suggestions, the tree and tagging", () => {
    const temp = tempStore();
    try {
      const before = temp.topics.index();
      const omar = before.bySlug("omar-oil-field");
      if (!omar) throw new Error("no Omar oil field");
      expect(temp.topics.retire(omar, () => "schedules")).toEqual({
        followers: [],
        removed: 0,
        alongside: "schedules",
      });
      let again = false;
      expect(
        temp.topics.retire(omar, () => {
          again = true;
        }),
      ).toBeUndefined(); // once: and what goes with it does not run
      expect(again).toBe(false);
      const index = temp.topics.index();
      expect(index.get(omar.id)?.nameAr).toBe("حقل العمر النفطي");
      expect(index.live(omar.id)).toBeUndefined();
      expect(index.size).toBe(before.size - 1);
      expect(index.ordered.some((t) => t.id === omar.id)).toBe(false);
      const deirEzZor = index.bySlug("deir-ez-zor");
      if (!deirEzZor) throw new Error("no Deir ez-Zor");
      expect(deirEzZor.children.some((t) => t.id === omar.id)).toBe(false);
      // Its old articles' readers of Deir ez-Zor still get them: the parent stays its parent, and its old articles
      // are the parent's news (/latest دير الزور, a search naming دير الزور).
      expect([...index.withAncestors([omar.id])]).toContain(deirEzZor.id);
      expect(deirEzZor.retiredChildren.map((t) => t.id)).toEqual([omar.id]);
      expect(index.subtree(deirEzZor).map((t) => t.id)).toContain(omar.id);
      const syria = index.bySlug("syria");
      if (!syria) throw new Error("no Syria");
      expect(index.subtree(syria).map((t) => t.id)).toContain(omar.id);
      expect(searchPlace({ topic: deirEzZor, words: [0] }, index).under).toContain(omar.id);
      for (const name of ["حقل العمر النفطي", "حقل العمر", "Omar oil field", "omar-oil-field"]) {
        expect(index.lookup(name).matches, name).toEqual([]);
        expect(
          index.lookup(name).suggestions.map((t) => t.id),
          name,
        ).not.toContain(omar.id);
        expect(
          index.retiredNamed(name).map((t) => t.id),
          name,
        ).toEqual([omar.id]);
      }
      expect(index.closeMatches("العمر").map((t) => t.id)).not.toContain(omar.id);
      const text = "حريق في حقل العمر النفطي شرقي دير الزور\nاندلع حريق في خط نفط قرب حقل العمر.";
      expect(index.tag(text).map((t) => t.slug)).toEqual(["deir-ez-zor"]);
      expect(index.namedSpans("حقل العمر").map((s) => s.topic.id)).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });
});

describe("retiring a followed place", () => {
  it("returns its active followers with the place above that still brings its news; exceptions that name it stay", () => {
    const temp = tempStore();
    try {
      const { store } = temp;
      const index = temp.topics.index();
      const omar = index.bySlug("omar-oil-field");
      const deirEzZor = index.bySlug("deir-ez-zor");
      const syria = index.bySlug("syria");
      if (!omar || !deirEzZor || !syria) throw new Error("no Omar oil field");
      // A reader of the field alone (Arabic), one of the field and Syria, a group of the field and Deir ez-Zor
      // except Mayadin, a reader who left (blocked the bot), and one of «دير الزور ما عدا حقل العمر».
      const alone = store.chats.touch(501, "private", null, "ar");
      const syrian = store.chats.touch(502, "private", null, "en");
      const group = store.chats.touch(-100503, "supergroup", "عمال حقل العمر");
      const gone = store.chats.touch(504, "private", null, "ar");
      const except = store.chats.touch(505, "private", null, "ar");
      temp.topics.subscribe(alone.id, [omar]);
      temp.topics.subscribe(syrian.id, [syria, omar]);
      temp.topics.subscribe(group.id, [deirEzZor, omar]);
      const mayadin = index.bySlug("mayadin");
      if (!mayadin) throw new Error("no Mayadin");
      expect(temp.topics.except(group.id, mayadin).kind).toBe("excepted");
      temp.topics.subscribe(gone.id, [omar]);
      store.chats.markInactive(gone.id, "blocked");
      temp.topics.subscribe(except.id, [deirEzZor]);
      expect(temp.topics.except(except.id, omar).kind).toBe("excepted");

      const retired = temp.topics.retire(omar, () => undefined);
      if (!retired) throw new Error("not retired");
      expect(retired.removed).toBe(4);
      expect(retired.followers.map((f) => ({ chat: f.chatId, type: f.type, via: f.via?.slug }))).toEqual([
        { chat: group.id, type: "supergroup", via: "deir-ez-zor" },
        { chat: alone.id, type: "private", via: undefined },
        { chat: syrian.id, type: "private", via: "syria" },
      ]);
      expect(retired.followers.find((f) => f.chatId === syrian.id)?.clientLanguage).toBe("en");
      for (const chat of [alone.id, syrian.id, group.id, gone.id])
        expect(store.subscriptions.topicIds(chat)).not.toContain(omar.id);
      // «دير الزور ما عدا حقل العمر» keeps its exception: the field's pending and old articles stay away.
      expect(store.exceptions.topicIds(except.id)).toEqual([omar.id]);
      expect(
        temp.topics
          .exceptionsByFollowed(except.id)
          .get(deirEzZor.id)
          ?.map((t) => t.id),
      ).toEqual([omar.id]);
      const field = temp.topics.index().get(omar.id);
      if (!field) throw new Error("the retired field is gone");
      expect(temp.topics.coveringAncestor(except.id, field)).toBeUndefined();
    } finally {
      temp.cleanup();
    }
  });
});

describe("levenshtein", () => {
  it("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("دير", "دير")).toBe(0);
  });
});
