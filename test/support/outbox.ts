// The outbox as tests read it: each row with its message, whether stored in the row (rows written before
// migration 21, compacted rows) or as a shared body (docs/delivery.md, "Bodies").

/** Use as `FROM ${OUTBOX} AS outbox`: the outbox's columns, `message` being the row's own or its body's. */
export const OUTBOX = `(
  SELECT o.id, o.chat_id, o.purpose, o.ref, o.dedupe_key, o.status, o.body_id,
    CASE WHEN o.body_id IS NULL THEN o.message ELSE b.message END AS message
  FROM outbox o LEFT JOIN outbox_bodies b ON b.id = o.body_id)`;
