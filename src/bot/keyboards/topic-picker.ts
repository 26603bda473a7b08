// The /topics keyboard: topics grouped by parent (a section per place that has places under it),
// paged, a ✓ on subscribed ones; one tap toggles and the keyboard is redrawn in place.
import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain";
import type { I18n } from "../../i18n";
import type { Topic, TopicIndex } from "../../topics/topic-index";
import { pickerPage, pickerSections, pickerToggle } from "../callback-data";

const PER_PAGE = 10;
const PER_ROW = 2;

/** One page of the picker: part of one section. */
export interface PickerPage {
  /** The parent the section is about; null for the section of topics that stand alone. */
  section: Topic | null;
  items: Topic[];
  pageInSection: number;
  pagesInSection: number;
}

/** Splits the catalog into pages: each parent with its children, then the topics with neither. */
export function pickerPages(index: TopicIndex): PickerPage[] {
  const sections: { section: Topic | null; items: Topic[] }[] = [];
  const loose: Topic[] = [];
  for (const t of index.ordered) {
    if (t.children.length > 0) sections.push({ section: t, items: [t, ...t.children] });
    else if (!t.parent) loose.push(t);
  }
  if (loose.length > 0) sections.push({ section: null, items: loose });
  const pages: PickerPage[] = [];
  for (const { section, items } of sections) {
    const count = Math.ceil(items.length / PER_PAGE);
    for (let p = 0; p < count; p++) {
      pages.push({
        section,
        items: items.slice(p * PER_PAGE, (p + 1) * PER_PAGE),
        pageInSection: p,
        pagesInSection: count,
      });
    }
  }
  return pages;
}

function sectionTitle(i18n: I18n, language: Language, index: TopicIndex, section: Topic | null): string {
  return section ? index.name(section, language) : i18n.plain(language, "picker-more-topics");
}

/** The text above the keyboard. */
export function pickerText(
  i18n: I18n,
  language: Language,
  index: TopicIndex,
  pages: PickerPage[],
  page: number,
): string {
  const current = pages[page];
  const title = current ? sectionTitle(i18n, language, index, current.section) : "";
  return i18n.t(language, "picker-text", { section: title, page: page + 1, pages: pages.length });
}

/**
 * The keyboard of one page. `subscribed` holds the chat's topic ids: those get a ✓, and the places
 * under them a (✓) — their news already arrives through the parent.
 */
export function pickerKeyboard(
  i18n: I18n,
  language: Language,
  index: TopicIndex,
  pages: PickerPage[],
  page: number,
  subscribed: ReadonlySet<number>,
): InlineKeyboard {
  const covered = (topic: Topic) => index.ancestors(topic).some((a) => subscribed.has(a.id));
  const keyboard = new InlineKeyboard();
  const current = pages[page];
  if (!current) return keyboard;
  current.items.forEach((topic, i) => {
    const name = index.name(topic, language);
    const label = topic.id === current.section?.id ? i18n.plain(language, "picker-all-of", { name }) : name;
    const mark = subscribed.has(topic.id) ? "✓ " : covered(topic) ? "(✓) " : "";
    keyboard.text(`${mark}${label}`, pickerToggle.pack({ topic: topic.id, page }));
    if (i % PER_ROW === PER_ROW - 1) keyboard.row();
  });
  keyboard.row();
  const last = pages.length - 1;
  keyboard
    .text(i18n.plain(language, "picker-previous"), pickerPage.pack({ page: page === 0 ? last : page - 1 }))
    .text(i18n.plain(language, "picker-sections"), pickerSections.pack({}))
    .text(i18n.plain(language, "picker-next"), pickerPage.pack({ page: page === last ? 0 : page + 1 }));
  return keyboard;
}

/** A keyboard listing the sections, to jump to one. */
export function sectionsKeyboard(
  i18n: I18n,
  language: Language,
  index: TopicIndex,
  pages: PickerPage[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  let column = 0;
  pages.forEach((p, page) => {
    if (p.pageInSection !== 0) return;
    keyboard.text(sectionTitle(i18n, language, index, p.section), pickerPage.pack({ page }));
    if (++column % PER_ROW === 0) keyboard.row();
  });
  return keyboard.row().text(i18n.plain(language, "button-back"), pickerPage.pack({ page: 0 }));
}
