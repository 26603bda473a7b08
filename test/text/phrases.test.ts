// A reader's muted words match the way readers mean them (docs/arabic.md, "Matching"; docs/audience.md rule 7).
import { describe, expect, it } from "vitest";
import { checkPhrase, PhraseMatcher } from "../../src/text/phrases";

/** Whether muting the phrase mutes the text. */
const mutes = (phrase: string, text: string) => {
  const checked = checkPhrase(phrase);
  if (!checked.ok) throw new Error(phrase);
  return new PhraseMatcher([checked.normalized]).found(text).has(checked.normalized);
};

describe("muted words", () => {
  it("match with the article and the proclitics readers write before them", () => {
    for (const text of [
      "انتهت المباراة بالتعادل",
      "وانتهت ومباراة الأمس ألغيت",
      "حضر الجمهور بالمباراة",
      "التذاكر للمباراة نفدت",
      "مباراةٌ حامية",
    ])
      expect(mutes("مباراة", text), text).toBe(true);
  });

  it("match a phrase whole, in any spelling of its letters", () => {
    expect(mutes("كرة القدم", "أعلن اتحاد كرة القدم في دير الزور")).toBe(true);
    expect(mutes("كرة القدم", "بطولة لكرة القدم للناشئين")).toBe(true);
    expect(mutes("انقطاع المياه", "إنقطاع المياه عن حي الجورة")).toBe(true);
    expect(mutes("football", "The FOOTBALL season, and football's fans")).toBe(true);
  });

  it("do not match another word that only contains them, or half a phrase", () => {
    expect(mutes("حرب", "محاربة الفساد في المحافظة")).toBe(false);
    expect(mutes("مباراة", "مباراتين وديتين")).toBe(false);
    expect(mutes("كرة القدم", "كرة السلة في القدم")).toBe(false);
    expect(mutes("football", "a footballer from Mayadin")).toBe(false);
  });

  it("refuses what cannot be a muted word", () => {
    expect(checkPhrase("   ")).toEqual({ ok: false, reason: "empty" });
    expect(checkPhrase("؟!")).toEqual({ ok: false, reason: "empty" });
    expect(checkPhrase("و")).toEqual({ ok: false, reason: "too-short" });
    expect(checkPhrase("كلمة ".repeat(6))).toEqual({ ok: false, reason: "too-long" });
    expect(checkPhrase("ا".repeat(10_000))).toEqual({ ok: false, reason: "too-long" });
    expect(checkPhrase("  كرة   القدم ")).toEqual({ ok: true, normalized: "كره القدم" });
  });
});
