// capLine: titles and sources cut to a length a message can carry, between graphemes, with an ellipsis.
import { describe, expect, it } from "vitest";
import { capLine, MAX_LINE_LENGTH } from "../../src/ingest/limits";

describe("capLine", () => {
  it("leaves a line within the limit as it is", () => {
    const title = "قصف صاروخي يستهدف محيط حقل العمر النفطي في ريف دير الزور";
    expect(capLine(title)).toBe(title);
  });

  it("cuts a long title to the limit, ending it with an ellipsis and no trailing space", () => {
    const capped = capLine("نشرة الفرات ".repeat(1000));
    expect(capped.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    expect(capped.endsWith("…")).toBe(true);
    expect(capped).not.toMatch(/\s…$/);
    expect(capped.startsWith("نشرة الفرات نشرة")).toBe(true);
  });

  it("never cuts inside a surrogate pair, an emoji sequence or a letter with its marks", () => {
    const family = "👨‍👩‍👧"; // 8 UTF-16 units, one grapheme
    for (const unit of [family, "🔴", "مُ", "é"]) {
      for (let pad = 0; pad < 8; pad++) {
        const text = "x".repeat(pad) + unit.repeat(60);
        const kept = capLine(text, 30).slice(0, -1).slice(pad);
        expect(kept.length % unit.length, `${unit} after ${pad}`).toBe(0);
        expect(kept).toBe(unit.repeat(kept.length / unit.length));
      }
    }
  });
});
