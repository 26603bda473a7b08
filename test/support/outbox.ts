// The outbox as tests read it: each row with its message, whether stored in the row (rows written before
// migration 21, compacted rows) or as a shared body (docs/delivery.md, "Bodies").

import { DigestRenderer } from "../../src/digest/render";
import { I18n } from "../../src/i18n";
import type { Store } from "../../src/store";
import type { Message, StoredMessage } from "../../src/text/message";
import type { TopicService } from "../../src/topics/service";

/** Use as `FROM ${OUTBOX} AS outbox`: the outbox's columns, `message` being the row's own or its body's. */
export const OUTBOX = `(
  SELECT o.id, o.chat_id, o.purpose, o.ref, o.dedupe_key, o.status, o.body_id,
    CASE WHEN o.body_id IS NULL THEN o.message ELSE b.message END AS message
  FROM outbox o LEFT JOIN outbox_bodies b ON b.id = o.body_id)`;

/**
 * A stored message as the sender sends it: a digest's recipe rendered from the articles as they are now (what
 * the sender does when it claims the row: src/digest/render.ts), any other message as it is.
 */
export function sendable(store: Store, topics: TopicService, stored: string | StoredMessage): Message {
  const message = typeof stored === "string" ? (JSON.parse(stored) as StoredMessage) : stored;
  if (message.kind !== "digest") return message;
  const rendered = new DigestRenderer({
    index: () => topics.index(),
    i18n: new I18n("ar"),
    articles: (ids) => store.digests.articlesByIds(ids),
  }).render(message);
  if (!rendered) throw new Error("a stored digest with nothing left to render");
  return rendered;
}
