// Localized strings from Fluent files (locales/ar.ftl and locales/ar/*.ftl, the same for en), usable with or
// without a bot context
// (alerts and digests render for readers who are not the one talking to the bot). Every message leaves here
// ready to display: its Arabic lines read right to left, with commands, ids, URLs and Latin words in order.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { LANGUAGES, type Language } from "../domain";
import { isolateLatinRuns, isolateLatinRunsHtml } from "../text/bidi";
import { escapeHtml } from "../text/html";

/** Arguments of a message: strings are escaped for Telegram HTML by `t`, numbers formatted by Fluent. */
export type MessageArgs = Record<string, string | number>;

/**
 * A language's Fluent files: `<language>.ftl`, then every `.ftl` in the folder `<language>/` in name order. A
 * feature may keep its messages in a file of its own there; a message id defined twice is an error.
 */
export function localeFiles(directory: URL, language: Language): URL[] {
  const folder = new URL(`${language}/`, directory);
  const extra = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(".ftl"))
        .sort()
        .map((name) => new URL(name, folder))
    : [];
  return [new URL(`${language}.ftl`, directory), ...extra];
}

export class I18n {
  private readonly bundles = new Map<Language, FluentBundle>();

  constructor(
    private readonly fallback: Language,
    directory: URL = new URL("./locales/", import.meta.url),
  ) {
    for (const language of LANGUAGES) {
      // Isolation marks (FSI…PDI) keep Latin names and numbers in the right place inside Arabic lines.
      const bundle = new FluentBundle(language, { useIsolating: true });
      for (const file of localeFiles(directory, language)) {
        const errors = bundle.addResource(new FluentResource(readFileSync(file, "utf8")));
        if (errors.length > 0) throw new Error(`${file.pathname}: ${errors.map(String).join("; ")}`);
      }
      this.bundles.set(language, bundle);
    }
  }

  /**
   * The message as Telegram HTML: string arguments are escaped, the .ftl text is trusted markup; its Arabic lines
   * isolated and right to left (`isolateLatinRunsHtml`).
   */
  t(language: Language, key: string, args?: MessageArgs): string {
    const escaped: Record<string, FluentVariable> = {};
    for (const [k, v] of Object.entries(args ?? {})) escaped[k] = typeof v === "string" ? escapeHtml(v) : v;
    return isolateLatinRunsHtml(this.format(language, key, escaped), language);
  }

  /** The message as plain text (button labels, callback answers, command descriptions), Arabic lines as in `t`. */
  plain(language: Language, key: string, args?: MessageArgs): string {
    return isolateLatinRuns(this.format(language, key, args ?? {}), language);
  }

  /** True when both languages define the key (used by tests to keep the files in step). */
  has(key: string): boolean {
    return LANGUAGES.every((l) => this.bundles.get(l)?.hasMessage(key));
  }

  /** Every message id in a language's file. */
  keys(language: Language): string[] {
    const bundle = this.bundles.get(language);
    return bundle ? [...bundle._messages.keys()] : [];
  }

  private format(language: Language, key: string, args: Record<string, FluentVariable>): string {
    for (const lang of [language, this.fallback]) {
      const bundle = this.bundles.get(lang);
      const message = bundle?.getMessage(key);
      if (bundle && message?.value) {
        const errors: Error[] = [];
        const text = bundle.formatPattern(message.value, args, errors);
        if (errors.length === 0) return text;
      }
    }
    return key;
  }
}
