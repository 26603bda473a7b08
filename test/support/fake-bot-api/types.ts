// The fake Bot API's public types: what it records of each call, its options and its counters.
import type {
  ForceReply,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  UserFromGetMe,
} from "grammy/types";
import type { LimiterOptions } from "./limiter";

/** Parameters of a recorded call, merged from the query string and the JSON / urlencoded / multipart body. */
export type CallParams = Record<string, unknown>;

/** A file part of a multipart upload, as recorded in `params` (top-level `attach://` references are resolved). */
export interface FakeUploadedFile {
  kind: "file";
  /** Name of the multipart field that carried the bytes. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The bytes uploaded. Not enumerable, so dumps of calls and `toEqual` on params leave them out. */
  readonly data: Buffer;
}

/** One request the fake received. Mutated in place when it is answered. */
export interface FakeCall {
  /** Method name as requested (e.g. "sendMessage"). */
  method: string;
  params: CallParams;
  /** Arrival time, ms since the epoch. */
  at: number;
  /** `params.chat_id` when it is numeric (also from form bodies). */
  chatId?: number;
  /** The bot token from the URL (routing ignores it). */
  token: string;
  /** Unset while in flight; "dropped" when the socket was destroyed without an answer. */
  outcome?: "ok" | "error" | "dropped";
  answeredAt?: number;
  /** `result` of a successful answer. */
  result?: unknown;
  errorCode?: number;
  description?: string;
  /** True when the error or drop was injected (failNext, rates, blockChat, migrateChat, limiter). */
  injected?: boolean;
  /** The call took effect (message stored, commands set...), even if its answer was then dropped. */
  delivered: boolean;
  /** A send arrived while a 429 retry_after window was active (see `stats.sentDuringRetryAfter`). */
  duringRetryAfter?: boolean;
  /** Which flood limit this send broke, when the limiter is on. */
  limiterViolation?: "global" | "chat" | "both";
}

/** Any reply_markup a send method accepts. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** Params of a delivered sendMessage call, as returned by `sentTo` / `lastSent`. */
export interface SentMessageParams {
  chat_id: number | string;
  text: string;
  parse_mode?: string;
  reply_markup?: ReplyMarkup;
  link_preview_options?: LinkPreviewOptions;
  [key: string]: unknown;
}

/** Which calls a fault rule applies to. Without `method`, rules match every method except getUpdates. */
export interface CallMatcher {
  method?: string | string[];
  chatId?: number;
}

/** Random fault injection for send/edit methods (fractions 0..1, drawn from the seeded PRNG). */
export interface RandomFaults {
  /** Fraction answered 429 with `retry_after` = `retryAfter`. */
  fail429Rate?: number;
  /** `retry_after` seconds for random 429s (default 1; Telegram sends whole seconds, tests may send less). */
  retryAfter?: number;
  /** Fraction answered 500 "Internal Server Error". */
  fail5xxRate?: number;
  /** Fraction whose socket is destroyed before processing. */
  dropRate?: number;
}

/** Options of `FakeBotApi.start`. */
export interface FakeBotApiOptions {
  /**
   * Overrides of the getMe answer (default: `testBotInfo`, id 777000111, @nashra_test_bot). The builders in
   * updates.ts use the default identity, so keep the id if you push their my_chat_member updates.
   */
  botInfo?: Partial<UserFromGetMe>;
  /** PRNG seed for random faults (default 1): same seed and call order, same faults. */
  seed?: number;
  /** Artificial delay before each call is processed (default 0). */
  latencyMs?: number;
  /** Up to this much more delay, uniformly at random per call (a real round trip varies; default 0). */
  latencyJitterMs?: number;
  faults?: RandomFaults;
  limiter?: LimiterOptions;
  /** Whether a 429's retry_after forbids sends to every chat ("global", default, as for bulk sends) or that chat. */
  retryAfterScope?: "global" | "chat";
  /** Sends this close to the end of a retry_after window are not violations (default 5 ms, timer jitter). */
  retryAfterToleranceMs?: number;
  /**
   * Sends arriving this soon after a 429 was answered are not violations either: on a busy machine they may have
   * left before the bot had read the 429 (default 0).
   */
  inFlightGraceMs?: number;
  /** Check texts like Telegram: empty, too long, HTML parse errors, button data (default true). */
  validateText?: boolean;
  /** Also reject bare "&" and unknown named HTML entities, as the project rules demand (default true). */
  strictHtml?: boolean;
  /** Answer 400 "message is not modified" when an edit changes nothing on a known message (default true). */
  notModifiedErrors?: boolean;
  /** First update_id assigned by pushUpdate (default 1). */
  firstUpdateId?: number;
  /**
   * file_ids sendPhoto accepts from the start: Telegram keeps a bot's files across its restarts, so a test that
   * restarts the bot on a new fake passes the file_ids the first one issued.
   */
  files?: readonly string[];
  /** Where the file_ids this fake issues start (default 1: "file-1"); give a restarted bot's fake another range. */
  firstFileId?: number;
}

/** Counters kept by the fake. */
export interface FakeBotApiStats {
  /** Requests received (all methods). */
  requests: number;
  /** Delivered sends (sendMessage, sendPhoto, sendDocument, copyMessage, forwardMessage...; not edits). */
  sent: number;
  /** Successful edit* calls. */
  edits: number;
  /** Error answers of any code. */
  errors: number;
  errorsByCode: Record<number, number>;
  /** 429 answers (what the bot received). */
  received429: number;
  /** 5xx answers. */
  received5xx: number;
  /** Sockets destroyed without an answer. */
  dropped: number;
  /** Send/edit calls that arrived while a 429 retry_after window was active. Should stay 0. */
  sentDuringRetryAfter: number;
  /** Flood-limit violations seen by the limiter (counted even when not enforced). */
  violations: { global: number; perChat: number; byChat: Map<number, number> };
  /** sendPhoto calls by what they named: a URL Telegram fetches (an upload), a file_id, an uploaded file. */
  photos: { byUrl: number; byFileId: number; byUpload: number };
}

/** What `waitFor` resolves to: the predicate's value without its falsy members. */
export type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;
