// Telegram HTML: escaping text that comes from people or feeds.

/** Escapes the three characters Telegram's HTML parse mode requires escaped (and quotes, for attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;",
  );
}

const FSI = "\u2068";
const PDI = "\u2069";

/** Wraps text in Unicode isolates so a Latin or numeric run keeps its place inside an Arabic line. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** Removes isolate and direction marks: for comparing what a reader sees with what a test expects. */
export function stripBidi(text: string): string {
  return text.replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, "");
}
