// The /topics picker as a drill-down: the governorates first (the places under the catalog's home country,
// Syria), then the towns and sites of the one opened, with a row that follows all of it and a way back; the
// neighbouring countries in a section of their own. A ✓ on followed places, a (✓) on places whose news
// arrives through a followed place above them. Pages never wrap: the first has no Previous, the last no Next.
import { InlineKeyboard } from "grammy";
import type { Topic, TopicIndex } from "../../topics/topic-index";
import { pickerNeighbours, pickerOpen, pickerPage, pickerToggle } from "../callback-data";

/** Places on one page of a view: 8 rows of 2, so Deir ez-Zor's 21 towns and sites take two pages. */
export const PER_PAGE = 16;
const PER_ROW = 2;

/** Where the picker is: its first view, the neighbouring countries, or the places under one place. */
export type PickerView = { kind: "home" } | { kind: "neighbours" } | { kind: "place"; topic: Topic };

/** A translation function (the context's `tp`: plain text, the chat's voice). */
export type Label = (key: string, args?: Record<string, string | number>) => string;

/**
 * The home country: the top-level place with the most governorates under it (Syria in the built-in
 * catalog). Its governorates are the picker's first view.
 */
export function homeCountry(index: TopicIndex): Topic | undefined {
  let best: Topic | undefined;
  let most = -1;
  for (const t of index.ordered) {
    if (t.parent) continue;
    const governorates = t.children.filter((c) => c.kind === "governorate").length;
    if (governorates > most) {
      best = t;
      most = governorates;
    }
  }
  return best;
}

/** The neighbouring countries: every other top-level country. */
function neighbours(index: TopicIndex, home: Topic | undefined): Topic[] {
  return index.ordered.filter((t) => !t.parent && t !== home && t.kind === "country");
}

/** The places a view lists (its own row "follow all of …" aside). */
function itemsOf(index: TopicIndex, view: PickerView): Topic[] {
  const home = homeCountry(index);
  if (view.kind === "neighbours") return neighbours(index, home);
  if (view.kind === "place") return view.topic.children;
  // Home: the home country's places, then top-level places that are not countries (an admin's /addtopic).
  const loose = index.ordered.filter((t) => !t.parent && t !== home && t.kind !== "country");
  return [...(home?.children ?? []), ...loose];
}

/** The place a view's "follow all of …" row follows: the home country, or the place opened. */
function wholeOf(index: TopicIndex, view: PickerView): Topic | undefined {
  if (view.kind === "home") return homeCountry(index);
  return view.kind === "place" ? view.topic : undefined;
}

/** The view a place is best seen in: its own when it has places under it, else the one that lists it. */
export function viewShowing(index: TopicIndex, topic: Topic): PickerView {
  const home = homeCountry(index);
  if (topic === home) return { kind: "home" };
  if (topic.children.length > 0) return { kind: "place", topic };
  return parentView(index, topic);
}

/** The view one level up from a place's own (Back). */
function parentView(index: TopicIndex, topic: Topic): PickerView {
  const home = homeCountry(index);
  const parent = topic.parent;
  if (parent === null)
    return topic.kind === "country" && topic !== home ? { kind: "neighbours" } : { kind: "home" };
  if (parent === home) return { kind: "home" };
  return { kind: "place", topic: parent };
}

/** How many pages a view has. */
export function pageCount(index: TopicIndex, view: PickerView): number {
  return Math.max(1, Math.ceil(itemsOf(index, view).length / PER_PAGE));
}

/**
 * What the marks say of a place: followed, received through a followed place above it, excepted from one
 * («دير الزور ما عدا الميادين»: 🚫), or neither. The nearest of the place and those above it that is followed or
 * excepted decides (a place under an excepted one is not received).
 */
function mark(
  index: TopicIndex,
  topic: Topic,
  followed: ReadonlySet<number>,
  excepted: ReadonlySet<number> = new Set(),
): "" | "✓ " | "(✓) " | "🚫 " {
  if (followed.has(topic.id)) return "✓ ";
  if (excepted.has(topic.id)) return "🚫 ";
  for (const a of index.ancestors(topic)) {
    if (followed.has(a.id)) return "(✓) ";
    if (excepted.has(a.id)) return "";
  }
  return "";
}

/** The button data that opens a view at a page. */
export function openData(view: PickerView, page = 0): string {
  if (view.kind === "home") return pickerPage.pack({ page });
  if (view.kind === "neighbours") return pickerNeighbours.pack({ page });
  return pickerOpen.pack({ topic: view.topic.id, page });
}

export interface PickerScreen {
  /** The view's title: the place opened, or undefined for the first view and the neighbours. */
  place: Topic | undefined;
  page: number;
  pages: number;
  /** True when some button shows a (✓): the text then says what it means. */
  showsCovered: boolean;
  /** True when some button shows a 🚫 (an excepted place). */
  showsExcepted: boolean;
  keyboard: InlineKeyboard;
}

/**
 * One page of a view. A place with places under it opens its own view (its label ends with an arrow);
 * any other place toggles. The view's own place is followed with its first row, «متابعة كل …».
 */
export function pickerScreen(
  index: TopicIndex,
  language: "ar" | "en",
  view: PickerView,
  requestedPage: number,
  followed: ReadonlySet<number>,
  label: Label,
  excepted: ReadonlySet<number> = new Set(),
): PickerScreen {
  const items = itemsOf(index, view);
  const pages = pageCount(index, view);
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const keyboard = new InlineKeyboard();
  let showsCovered = false;
  let showsExcepted = false;
  const marked = (topic: Topic, text: string) => {
    const m = mark(index, topic, followed, excepted);
    if (m === "(✓) ") showsCovered = true;
    if (m === "🚫 ") showsExcepted = true;
    return `${m}${text}`;
  };
  const whole = wholeOf(index, view);
  if (whole) {
    const name = index.name(whole, language);
    keyboard
      .text(marked(whole, label("picker-all-of", { name })), pickerToggle.pack({ topic: whole.id, page }))
      .row();
  }
  items.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach((topic, i) => {
    const name = index.name(topic, language);
    if (topic.children.length > 0) {
      keyboard.text(marked(topic, label("picker-open", { name })), openData({ kind: "place", topic }));
    } else {
      keyboard.text(marked(topic, name), pickerToggle.pack({ topic: topic.id, page }));
    }
    if (i % PER_ROW === PER_ROW - 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text(label("picker-previous"), openData(view, page - 1));
  if (page < pages - 1) keyboard.text(label("picker-next"), openData(view, page + 1));
  keyboard.row();
  if (view.kind === "home") {
    if (neighbours(index, homeCountry(index)).length > 0)
      keyboard.text(label("picker-neighbours"), pickerNeighbours.pack({ page: 0 }));
  } else {
    const back = view.kind === "neighbours" ? ({ kind: "home" } as const) : parentView(index, view.topic);
    keyboard.text(label("button-back"), openData(back));
  }
  // Rows were started freely above; Telegram is sent only the ones with buttons.
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  return {
    place: view.kind === "place" ? view.topic : undefined,
    page,
    pages,
    showsCovered,
    showsExcepted,
    keyboard: new InlineKeyboard(rows),
  };
}
