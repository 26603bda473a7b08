// Fake Telegram Bot API HTTP server for integration tests (127.0.0.1, random port): records every call, serves
// updates by long polling, and injects Telegram's failures (429/5xx/403/migration, dropped sockets, flood limits).
// Its parts are in fake-bot-api/ (types, errors, request bodies, HTML parse mode, message content checks, flood
// limiter); tests import everything from here.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  Chat,
  ChatMember,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  Message,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { formValue, isRecord, parseBody, readBody, toNumber } from "./fake-bot-api/body";
import { type ContentChecks, codePoints, formatText, inlineMarkup } from "./fake-bot-api/content";
import { ApiFailure, badRequest, type TelegramError, telegramErrors } from "./fake-bot-api/errors";
import { FloodLimiter } from "./fake-bot-api/limiter";
import type {
  CallMatcher,
  CallParams,
  FakeBotApiOptions,
  FakeBotApiStats,
  FakeCall,
  RandomFaults,
  SentMessageParams,
  Truthy,
} from "./fake-bot-api/types";
import { random } from "./random";
import { chatMember, type MemberStatus, type NewUpdate, testBotInfo } from "./updates";

export { type TelegramError, telegramErrors } from "./fake-bot-api/errors";
export { parseTelegramHtml } from "./fake-bot-api/html";
export type { LimiterOptions } from "./fake-bot-api/limiter";
export type * from "./fake-bot-api/types";

/** The inline keyboard of sent params or a message (empty when there is none). */
export function inlineKeyboardOf(x: { reply_markup?: unknown } | undefined): InlineKeyboardButton[][] {
  const markup = x?.reply_markup;
  if (isRecord(markup) && Array.isArray(markup.inline_keyboard)) {
    return markup.inline_keyboard as InlineKeyboardButton[][];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Internals

type ApiResult = { ok: true; result: unknown } | ({ ok: false } & TelegramError);

interface FaultRule extends CallMatcher {
  remaining: number;
  error?: TelegramError;
  afterProcessing?: boolean;
}

/** An answer the bot gave to an inline query, as the fake checked it. */
export interface InlineAnswer {
  queryId: string;
  results: Array<{
    id: string;
    title: string;
    description?: string;
    /** The shared message as readers see it (HTML parsed). */
    text: string;
    /** The message as the bot sent it (Telegram HTML). */
    html: string;
    reply_markup?: InlineKeyboardMarkup;
  }>;
  nextOffset: string;
  cacheTime?: number;
  isPersonal: boolean;
  button?: { text: string; start: string };
}

interface Poller {
  offset: number | undefined;
  limit: number;
  finish: (result: ApiResult) => void;
  timer: NodeJS.Timeout;
}

/** Methods whose calls are "sends" for random faults, blocked chats and retry_after violations. */
const isSendOrEdit = (m: string): boolean => /^(send|copy|forward|edit)/i.test(m);
/** Methods counted by the flood limiter and `stats.sent`. */
const isCountedSend = (m: string): boolean =>
  /^(send|copy|forward)/i.test(m) && m.toLowerCase() !== "sendchataction";
const isEdit = (m: string): boolean => /^edit/i.test(m);

const DEFAULT_EXCLUDED_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

const unixNow = (): number => Math.floor(Date.now() / 1000);
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// ---------------------------------------------------------------------------------------------------------------

/**
 * A fake Telegram Bot API server on 127.0.0.1 for integration tests. Point grammY at it with
 * `new Bot("123:abc", { client: { apiRoot: fake.apiRoot } })`; any token is accepted (`/bot<token>/<method>`,
 * GET or POST, JSON / urlencoded / multipart bodies and query strings).
 *
 * Implemented: getMe, getUpdates (long polling; offset confirms; limit 1–100; allowed_updates; 409 when a newer
 * poll arrives or a webhook is set), sendMessage (HTML parsed into entities, length/empty/button checks),
 * sendPhoto/Document/Video/Animation/Audio/Voice (sendPhoto: by file_id, URL or upload, counted in
 * `stats.photos`; an unknown file_id or a refused URL, `refusePhoto`, is a 400), sendMediaGroup, copyMessage(s), forwardMessage(s),
 * editMessageText/Caption/ReplyMarkup (400 "message is not modified" on no-op edits of known messages; the inline
 * keyboard is removed when an edit omits reply_markup, like Telegram), deleteMessage, answerCallbackQuery,
 * set/delete/getMyCommands (per scope + language_code), setWebhook (HTTPS only)/deleteWebhook/getWebhookInfo,
 * getChat, getChatMember, getChatAdministrators; any other method answers `{ ok: true, result: true }`.
 *
 * Chats: ids > 0 are private, ids below -10^12 supergroups, other negative ids groups; chats seen in pushed
 * updates and `setChat` override that. Pushing a my_chat_member update where the bot becomes kicked/left blocks
 * the chat (403 on sends) and back to member/administrator unblocks it.
 *
 * Faults (checked in this order; without `method` a rule matches every method but getUpdates):
 * - `dropNext(n, ...)`: destroy the socket without an answer (optionally after processing: a lost answer);
 * - `failNext(n, { method?, chatId?, error_code, description, parameters? })` (see `telegramErrors`);
 * - `blockChat(chatId, description?)` (403, or 400 for "Bad Request: ..." descriptions), `migrateChat(old, new)`;
 * - random, from a PRNG seeded by `seed`, for send/edit methods: `fail429Rate(fraction, retryAfter)`,
 *   `fail5xxRate(fraction)`, `dropRate(fraction)` (or the `faults` option);
 * - the flood limiter (`limiter` option): `globalPerSecond` 30, `privatePerSecond` 1, `groupPerMinute` 20,
 *   `burst` 0, counted in `stats.violations`; with `enforce: true` a violating send gets
 *   429 "Too Many Requests: retry after N".
 * After any 429 with retry_after R, a send/edit arriving within R seconds counts in `stats.sentDuringRetryAfter`
 * (unless within `inFlightGraceMs` of the 429, or `retryAfterToleranceMs` of the window's end).
 * `latencyMs` (option or `setLatency`) delays every call, plus up to `latencyJitterMs` at random.
 */
export class FakeBotApi {
  /** Every call received, oldest first. */
  readonly calls: FakeCall[] = [];
  /** Counters; see `FakeBotApiStats`. */
  readonly stats: FakeBotApiStats = FakeBotApi.emptyStats();
  /** The getMe answer. */
  readonly botInfo: UserFromGetMe;

  private readonly server: Server;
  private port = 0;
  private closed = false;
  private readonly rng: () => number;
  private latencyMs: number;
  private readonly latencyJitterMs: number;
  private faults: Required<RandomFaults>;
  /** Set when the `limiter` option is given. */
  private readonly limiter: FloodLimiter | undefined;
  private readonly options: FakeBotApiOptions;
  private readonly checks: ContentChecks;

  private readonly updates: Update[] = [];
  private nextUpdateId: number;
  private poller: Poller | undefined;
  private allowedUpdates: Set<string> | undefined;
  private nextMessageId = 1;
  private nextFileId = 1;
  /** file_ids this fake issued or saw in pushed updates: sendPhoto takes them back. */
  private readonly knownFiles = new Set<string>();
  /** Photo URLs sendPhoto refuses, with the description of the 400. */
  private readonly refusedPhotos = new Map<string, string>();
  private readonly messages = new Map<string, Message>();
  /** Messages people sent the bot (from pushed updates), which copyMessage and forwardMessage copy. */
  private readonly received = new Map<string, Message>();
  /** Inline queries pushed and not answered yet (Telegram accepts one answer per query). */
  private readonly openInlineQueries = new Set<string>();
  private readonly inlineAnswerList: InlineAnswer[] = [];
  private readonly chats = new Map<number, Chat>();
  private readonly chatOverrides = new Map<number, Chat>();
  private readonly users = new Map<number, User>();
  private readonly members = new Map<string, MemberStatus>();
  private readonly commandSets = new Map<string, BotCommand[]>();
  private webhookInfo: {
    url: string;
    secretToken?: string;
    allowedUpdates?: string[];
    maxConnections?: number;
  } = { url: "" };
  private readonly failRules: FaultRule[] = [];
  private readonly dropRules: FaultRule[] = [];
  private readonly blocked = new Map<number, TelegramError>();
  private readonly migrated = new Map<number, number>();
  /** The retry_after windows of the 429s answered, while they last. */
  private retryWindows: { from: number; until: number; chatId: number | undefined }[] = [];
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  private constructor(options: FakeBotApiOptions) {
    this.options = options;
    this.checks = { validate: options.validateText ?? true, strictHtml: options.strictHtml ?? true };
    this.botInfo = { ...testBotInfo, ...options.botInfo };
    this.rng = random(options.seed ?? 1);
    this.latencyMs = options.latencyMs ?? 0;
    this.latencyJitterMs = options.latencyJitterMs ?? 0;
    this.faults = { fail429Rate: 0, retryAfter: 1, fail5xxRate: 0, dropRate: 0, ...options.faults };
    this.limiter = options.limiter && new FloodLimiter(options.limiter, this.stats.violations);
    this.nextUpdateId = options.firstUpdateId ?? 1;
    this.nextFileId = options.firstFileId ?? 1;
    for (const file of options.files ?? []) this.knownFiles.add(file);
    this.server = createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              ok: false,
              error_code: 500,
              description: `Internal Server Error: ${String(err)}`,
            }),
          );
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
  }

  /** Starts a server on 127.0.0.1 with a random port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const fake = new FakeBotApi(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(0, "127.0.0.1", () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL for grammY's `client.apiRoot`, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers pending long polls with `[]`, drops in-flight calls and stops the server. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.finishPoller({ ok: true, result: [] });
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.sleepers.clear();
    // Let answers written just now reach the clients, then cut whatever connection is left.
    const cut = setTimeout(() => this.server.closeAllConnections(), 50);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    clearTimeout(cut);
  }

  // --- Calls ---------------------------------------------------------------------------------------------------

  /** Calls of one method (case-insensitive). */
  callsOf(method: string): FakeCall[] {
    const m = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /** Params of the sendMessage calls to `chatId` that took effect (the user got them), oldest first. */
  sentTo(chatId: number): SentMessageParams[] {
    return this.deliveredCalls("sendMessage")
      .filter((c) => c.chatId === chatId)
      .map((c) => c.params as SentMessageParams);
  }

  /** How many sendMessage calls took effect in each chat (one pass over the calls: for thousands of chats). */
  sentCountByChat(): Map<number, number> {
    const byChat = new Map<number, number>();
    for (const c of this.deliveredCalls("sendMessage")) {
      if (c.chatId !== undefined) byChat.set(c.chatId, (byChat.get(c.chatId) ?? 0) + 1);
    }
    return byChat;
  }

  /** Params of the last sendMessage that took effect (to `chatId` if given). */
  lastSent(chatId?: number): SentMessageParams | undefined {
    const sent = this.deliveredCalls("sendMessage").filter(
      (c) => chatId === undefined || c.chatId === chatId,
    );
    return sent[sent.length - 1]?.params as SentMessageParams | undefined;
  }

  private deliveredCalls(method: string): FakeCall[] {
    return this.callsOf(method).filter((c) => c.delivered);
  }

  /** The messages the bot has in a chat now (after edits and deletions), oldest first. */
  messagesIn(chatId: number): Message[] {
    return [...this.messages.values()].filter((m) => m.chat.id === chatId);
  }

  /** The last message the bot sent (to `chatId` if given), in its current state; e.g. for `callback(data, { message })`. */
  lastMessage(chatId?: number): Message | undefined {
    let last: Message | undefined;
    for (const m of this.messages.values()) {
      if (chatId !== undefined && m.chat.id !== chatId) continue;
      if (!last || m.message_id > last.message_id) last = m;
    }
    return last;
  }

  /** Forgets recorded calls (not stats, messages or configuration). */
  clearCalls(): void {
    this.calls.length = 0;
  }

  /**
   * Polls `predicate(calls)` every 10 ms until it returns a truthy value, which is resolved. Rejects after
   * `timeoutMs` with the recent calls in the message.
   */
  async waitFor<T>(predicate: (calls: readonly FakeCall[]) => T, timeoutMs = 5000): Promise<Truthy<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate(this.calls);
      if (value) return value as Truthy<T>;
      if (Date.now() >= deadline) {
        throw new Error(`FakeBotApi.waitFor timed out after ${timeoutMs} ms.\n${this.describeRecentCalls()}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for an answered call of `method` (case-insensitive) matching `predicate`, and returns it. */
  async waitForCall(
    method: string,
    predicate: (call: FakeCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<FakeCall> {
    const m = method.toLowerCase();
    try {
      return await this.waitFor(
        (calls) => calls.find((c) => c.method.toLowerCase() === m && c.outcome !== undefined && predicate(c)),
        timeoutMs,
      );
    } catch (err) {
      throw new Error(
        `FakeBotApi.waitForCall("${method}") found no matching answered call.\n${(err as Error).message}`,
      );
    }
  }

  /** A summary of the last calls (getUpdates counted, not listed), for failure messages. */
  describeRecentCalls(max = 15): string {
    const polls = this.calls.filter((c) => c.method === "getUpdates").length;
    const others = this.calls.filter((c) => c.method !== "getUpdates");
    const lines = others.slice(-max).map((c) => {
      const params = JSON.stringify(c.params);
      const shown = params.length > 160 ? `${params.slice(0, 160)}…` : params;
      const outcome =
        c.outcome === "error" ? `error ${c.errorCode} ${c.description}` : (c.outcome ?? "in flight");
      return `  ${new Date(c.at).toISOString().slice(11, 23)} ${c.method} ${shown} -> ${outcome}`;
    });
    const head = `Recent calls (${others.length} total, last ${lines.length} shown; ${polls} getUpdates):`;
    return others.length === 0 ? `No calls recorded (${polls} getUpdates).` : [head, ...lines].join("\n");
  }

  /** The answers the bot gave to inline queries, oldest first (or the one answer to `queryId`). */
  inlineAnswers(): InlineAnswer[] {
    return [...this.inlineAnswerList];
  }

  inlineAnswer(queryId: string): InlineAnswer | undefined {
    return this.inlineAnswerList.find((a) => a.queryId === queryId);
  }

  // --- Updates -------------------------------------------------------------------------------------------------

  /** Queues an update for getUpdates (assigning the next update_id when missing) and returns its update_id. */
  pushUpdate(update: NewUpdate): number {
    const id = update.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, id + 1);
    const full: Update = { ...update, update_id: id };
    this.updates.push(full);
    this.updates.sort((a, b) => a.update_id - b.update_id);
    this.learn(full);
    this.servePoller();
    return id;
  }

  /** Updates queued and not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  // --- Chats, members, commands, webhook ---------------------------------------------------------------------

  /** Registers how a chat looks (type, title, username...) for sends and getChat. */
  setChat(chatId: number, chat: Partial<Chat>): void {
    this.chatOverrides.set(chatId, { ...this.chatFor(chatId), ...chat, id: chatId } as Chat);
  }

  /** Sets what getChatMember answers for this chat and user (default "member"). */
  setChatMember(chatId: number, userId: number, status: MemberStatus): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** Current status of a user in a chat as getChatMember would answer. */
  chatMemberStatus(chatId: number, userId: number): MemberStatus {
    return this.members.get(`${chatId}:${userId}`) ?? "member";
  }

  /** Commands set for a scope (default `{ type: "default" }`) and language ("" = all languages). */
  commands(scope: Record<string, unknown> = { type: "default" }, languageCode = ""): BotCommand[] {
    return this.commandSets.get(this.commandKey(scope, languageCode)) ?? [];
  }

  /** The webhook as set by setWebhook (url "" when none). */
  get webhook(): { url: string; secretToken?: string; allowedUpdates?: string[]; maxConnections?: number } {
    return { ...this.webhookInfo };
  }

  // --- Faults --------------------------------------------------------------------------------------------------

  /** The next `n` calls matching `method`/`chatId` answer with this error. */
  failNext(n: number, error: CallMatcher & TelegramError): void {
    const { method, chatId, ...rest } = error;
    this.failRules.push({ remaining: n, method, chatId, error: rest });
  }

  /**
   * The next `n` matching calls lose their connection: the socket is destroyed without an answer. With
   * `afterProcessing` the call takes effect first (the message is delivered, only the answer is lost).
   */
  dropNext(n: number, match: string | (CallMatcher & { afterProcessing?: boolean }) = {}): void {
    const m = typeof match === "string" ? { method: match } : match;
    this.dropRules.push({ remaining: n, ...m });
  }

  /** A fraction of send/edit calls answer 429 with `retry_after` = `retryAfterSeconds`. */
  fail429Rate(fraction: number, retryAfterSeconds = 1): void {
    this.faults = { ...this.faults, fail429Rate: fraction, retryAfter: retryAfterSeconds };
  }

  /** A fraction of send/edit calls answer 500 "Internal Server Error". */
  fail5xxRate(fraction: number): void {
    this.faults = { ...this.faults, fail5xxRate: fraction };
  }

  /** A fraction of send/edit calls lose their connection before processing. */
  dropRate(fraction: number): void {
    this.faults = { ...this.faults, dropRate: fraction };
  }

  /** Sets the artificial delay before each call is processed. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * Every send/edit to this chat fails with `description`: 403 unless it starts with "Bad Request" (400). The
   * default depends on the chat type ("bot was blocked by the user" for private chats, "bot was kicked from the
   * group chat" for groups...).
   */
  blockChat(chatId: number, description?: string): void {
    const desc = description ?? this.defaultBlockDescription(chatId);
    this.blocked.set(chatId, { error_code: desc.startsWith("Bad Request") ? 400 : 403, description: desc });
  }

  /**
   * sendPhoto given this URL (or file_id) answers 400 with `description` (default: the answer for a URL that is not
   * an image). Like Telegram for a picture too big, a page instead of an image, or a URL it cannot fetch.
   */
  refusePhoto(photo: string, description = "Bad Request: wrong type of the web page content"): void {
    this.refusedPhotos.set(photo, description);
  }

  /** Undoes `refusePhoto`: Telegram takes the picture again (its host is back up). */
  acceptPhoto(photo: string): void {
    this.refusedPhotos.delete(photo);
  }

  /** Undoes `blockChat`. */
  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** Sends to `oldChatId` answer 400 "group chat was migrated" with `migrate_to_chat_id` = `newChatId`. */
  migrateChat(oldChatId: number, newChatId: number): void {
    this.migrated.set(oldChatId, newChatId);
    const old = this.chatFor(oldChatId);
    this.chatOverrides.set(newChatId, {
      id: newChatId,
      type: "supergroup",
      title: old.title ?? `Supergroup ${newChatId}`,
    });
  }

  // --- HTTP ----------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.closed) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!route) {
      this.write(res, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = decodeURIComponent(route[1] ?? "");
    const method = route[2] ?? "";
    const body = await readBody(req);
    let params: CallParams = {};
    let parseError: ApiFailure | undefined;
    for (const [k, v] of url.searchParams) params[k] = formValue(v);
    try {
      params = { ...params, ...parseBody(body, req.headers["content-type"]) };
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      parseError = err;
    }
    const call = this.record(token, method, params);
    if (parseError) {
      this.answer(res, call, { ok: false, ...parseError.error });
      return;
    }
    // The jitter draws from Math.random, not the seeded rng: the seeded fault sequences stay as they were.
    const latency = this.latencyMs + (this.latencyJitterMs > 0 ? Math.random() * this.latencyJitterMs : 0);
    if (latency > 0) await this.sleep(latency);
    if (this.closed) {
      this.drop(req, call);
      return;
    }

    let dropAfter = false;
    const dropRule = this.takeRule(this.dropRules, call);
    if (dropRule && !dropRule.afterProcessing) {
      this.drop(req, call, true);
      return;
    }
    dropAfter = dropRule !== undefined;

    const injected = this.injectedError(call);
    if (injected === "drop") {
      this.drop(req, call, true);
      return;
    }
    if (injected) {
      call.injected = true;
      this.answer(res, call, { ok: false, ...injected });
      return;
    }

    let limiterViolation: { retryAfter: number } | undefined;
    if (this.limiter && isCountedSend(method) && call.chatId !== undefined) {
      limiterViolation = this.limiter.check(call);
      if (limiterViolation && this.limiter.enforce) {
        call.injected = true;
        this.answer(res, call, { ok: false, ...telegramErrors.tooManyRequests(limiterViolation.retryAfter) });
        return;
      }
    }

    let result: ApiResult;
    if (method.toLowerCase() === "getupdates") {
      result = await this.getUpdates(params, res);
    } else {
      try {
        result = { ok: true, result: this.dispatch(method, params) };
      } catch (err) {
        result =
          err instanceof ApiFailure
            ? { ok: false, ...err.error }
            : { ok: false, error_code: 500, description: `Internal Server Error: fake bug: ${String(err)}` };
      }
    }
    if (result.ok) {
      call.delivered = true;
      if (isCountedSend(method)) {
        this.stats.sent++;
        if (this.limiter && call.chatId !== undefined) this.limiter.record(call);
      } else if (isEdit(method)) {
        this.stats.edits++;
      }
    }
    if (dropAfter) {
      this.drop(req, call, true);
      return;
    }
    this.answer(res, call, result);
  }

  private record(token: string, method: string, params: CallParams): FakeCall {
    const now = Date.now();
    const chatId = toNumber(params.chat_id) ?? this.chatIdByUsername(params.chat_id);
    const call: FakeCall = { method, params, at: now, token, delivered: false };
    if (chatId !== undefined) call.chatId = chatId;
    this.stats.requests++;
    if (isSendOrEdit(method)) {
      const tolerance = this.options.retryAfterToleranceMs ?? 5;
      const grace = this.options.inFlightGraceMs ?? 0;
      const global = (this.options.retryAfterScope ?? "global") === "global";
      this.retryWindows = this.retryWindows.filter((w) => w.until > now);
      const inside = this.retryWindows.some(
        (w) =>
          (global || (chatId !== undefined && w.chatId === chatId)) &&
          now >= w.from + grace &&
          now < w.until - tolerance,
      );
      if (inside) {
        call.duringRetryAfter = true;
        this.stats.sentDuringRetryAfter++;
      }
    }
    this.calls.push(call);
    return call;
  }

  private answer(res: ServerResponse, call: FakeCall, result: ApiResult): void {
    call.answeredAt = Date.now();
    if (result.ok) {
      call.outcome = "ok";
      call.result = result.result;
    } else {
      call.outcome = "error";
      call.errorCode = result.error_code;
      call.description = result.description;
      this.stats.errors++;
      this.stats.errorsByCode[result.error_code] = (this.stats.errorsByCode[result.error_code] ?? 0) + 1;
      if (result.error_code === 429) {
        this.stats.received429++;
        const retryAfter = result.parameters?.retry_after;
        if (retryAfter !== undefined) {
          const from = call.answeredAt;
          this.retryWindows.push({ from, until: from + retryAfter * 1000, chatId: call.chatId });
        }
      }
      if (result.error_code >= 500) this.stats.received5xx++;
    }
    this.write(res, result);
  }

  private write(res: ServerResponse, result: ApiResult): void {
    if (res.writableEnded || res.destroyed) return;
    const status = result.ok
      ? 200
      : result.error_code >= 400 && result.error_code < 600
        ? result.error_code
        : 400;
    const body = JSON.stringify(result);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    if (this.closed) headers.connection = "close";
    res.writeHead(status, headers);
    res.end(body);
  }

  private drop(req: IncomingMessage, call: FakeCall, count = false): void {
    call.outcome = "dropped";
    call.answeredAt = Date.now();
    if (count) this.stats.dropped++;
    req.socket.destroy();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        resolve,
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
      };
      this.sleepers.add(sleeper);
    });
  }

  // --- Fault decisions -----------------------------------------------------------------------------------------

  private matches(rule: CallMatcher, call: FakeCall): boolean {
    const method = call.method.toLowerCase();
    if (rule.method === undefined) {
      if (method === "getupdates") return false;
    } else {
      const wanted = Array.isArray(rule.method) ? rule.method : [rule.method];
      if (!wanted.some((m) => m.toLowerCase() === method)) return false;
    }
    return rule.chatId === undefined || rule.chatId === call.chatId;
  }

  private takeRule(rules: FaultRule[], call: FakeCall): FaultRule | undefined {
    const index = rules.findIndex((r) => r.remaining > 0 && this.matches(r, call));
    const rule = rules[index];
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) rules.splice(index, 1);
    return rule;
  }

  private injectedError(call: FakeCall): TelegramError | "drop" | undefined {
    const rule = this.takeRule(this.failRules, call);
    if (rule?.error) return rule.error;
    if (!isSendOrEdit(call.method) || call.chatId === undefined) return undefined;
    const newId = this.migrated.get(call.chatId);
    if (newId !== undefined) return telegramErrors.migrated(newId);
    const blocked = this.blocked.get(call.chatId);
    if (blocked) return blocked;
    const { dropRate, fail429Rate, fail5xxRate, retryAfter } = this.faults;
    if (dropRate + fail429Rate + fail5xxRate <= 0) return undefined;
    const r = this.rng();
    if (r < dropRate) return "drop";
    if (r < dropRate + fail429Rate) return telegramErrors.tooManyRequests(retryAfter);
    if (r < dropRate + fail429Rate + fail5xxRate) return telegramErrors.internal();
    return undefined;
  }

  // --- getUpdates ----------------------------------------------------------------------------------------------

  private getUpdates(params: CallParams, res: ServerResponse): Promise<ApiResult> {
    if (this.webhookInfo.url !== "") {
      return Promise.resolve({
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = toNumber(params.offset);
    const limit = Math.min(100, Math.max(1, Math.trunc(toNumber(params.limit) ?? 100)));
    const timeout = Math.max(0, toNumber(params.timeout) ?? 0);
    if (Array.isArray(params.allowed_updates)) {
      const list = params.allowed_updates.filter((x): x is string => typeof x === "string");
      this.allowedUpdates = list.length > 0 ? new Set(list) : undefined;
    }
    if (offset !== undefined && offset !== 0) {
      if (offset < 0) this.updates.splice(0, Math.max(0, this.updates.length + offset));
      else
        while (this.updates.length > 0 && (this.updates[0] as Update).update_id < offset)
          this.updates.shift();
    }
    // A newer poll terminates the older one, as on Telegram.
    this.finishPoller({
      ok: false,
      error_code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const ready = this.deliverable(offset, limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return Promise.resolve({ ok: true, result: ready });
    return new Promise<ApiResult>((resolve) => {
      const poller: Poller = {
        offset,
        limit,
        finish: (result) => {
          clearTimeout(poller.timer);
          if (this.poller === poller) this.poller = undefined;
          resolve(result);
        },
        timer: setTimeout(() => poller.finish({ ok: true, result: [] }), timeout * 1000),
      };
      this.poller = poller;
      // The client gave up (aborted fetch): forget the poll.
      res.on("close", () => {
        if (this.poller === poller) poller.finish({ ok: true, result: [] });
      });
    });
  }

  private deliverable(offset: number | undefined, limit: number): Update[] {
    const allowed = this.allowedUpdates;
    // Updates of types the bot did not ask for are never delivered: discard them.
    for (let i = this.updates.length - 1; i >= 0; i--) {
      const update = this.updates[i] as Update;
      const type = Object.entries(update).find(([k, v]) => k !== "update_id" && v !== undefined)?.[0] ?? "";
      const wanted = allowed ? allowed.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
      if (!wanted) this.updates.splice(i, 1);
    }
    return this.updates
      .filter((u) => offset === undefined || offset <= 0 || u.update_id >= offset)
      .slice(0, limit);
  }

  private servePoller(): void {
    const poller = this.poller;
    if (!poller) return;
    const ready = this.deliverable(poller.offset, poller.limit);
    if (ready.length > 0) poller.finish({ ok: true, result: ready });
  }

  private finishPoller(result: ApiResult): void {
    this.poller?.finish(result);
  }

  // --- Methods -------------------------------------------------------------------------------------------------

  private dispatch(method: string, p: CallParams): unknown {
    switch (method.toLowerCase()) {
      case "getme":
        return this.botInfo;
      case "sendmessage":
        return this.sendMessage(p);
      case "sendphoto":
      case "senddocument":
      case "sendvideo":
      case "sendanimation":
      case "sendaudio":
      case "sendvoice":
        return this.sendMedia(method.slice(4).toLowerCase(), p);
      case "sendmediagroup":
        return this.sendMediaGroup(p);
      case "copymessage":
        return { message_id: this.copyOrForward(p, false).message_id };
      case "forwardmessage":
        return this.copyOrForward(p, true);
      case "copymessages":
      case "forwardmessages":
        return this.copyOrForwardMany(p, method.toLowerCase() === "forwardmessages");
      case "editmessagetext":
        return this.editMessage(p, "text");
      case "editmessagecaption":
        return this.editMessage(p, "caption");
      case "editmessagereplymarkup":
        return this.editMessage(p, "markup");
      case "deletemessage":
        this.messages.delete(`${this.requireChat(p.chat_id).id}:${toNumber(p.message_id)}`);
        return true;
      case "answerinlinequery":
        return this.answerInlineQuery(p);
      case "answercallbackquery":
        if (typeof p.text === "string" && codePoints(p.text) > 200) throw badRequest("MESSAGE_TOO_LONG");
        return true;
      case "setmycommands":
        return this.setMyCommands(p);
      case "deletemycommands":
        this.commandSets.delete(this.commandKey(p.scope, p.language_code));
        return true;
      case "getmycommands":
        return this.commandSets.get(this.commandKey(p.scope, p.language_code)) ?? [];
      case "setwebhook":
        return this.setWebhook(p);
      case "deletewebhook":
        this.webhookInfo = { url: "" };
        if (p.drop_pending_updates === true || p.drop_pending_updates === "true") this.updates.length = 0;
        return true;
      case "getwebhookinfo":
        return {
          url: this.webhookInfo.url,
          has_custom_certificate: false,
          pending_update_count: this.updates.length,
          ...(this.webhookInfo.maxConnections !== undefined
            ? { max_connections: this.webhookInfo.maxConnections }
            : {}),
          ...(this.webhookInfo.allowedUpdates !== undefined
            ? { allowed_updates: this.webhookInfo.allowedUpdates }
            : {}),
        };
      case "getchat":
        return this.getChat(p);
      case "getchatmember":
        return this.getChatMember(p);
      case "getchatadministrators":
        return this.getChatAdministrators(p);
      default:
        return true;
    }
  }

  private sendMessage(p: CallParams): Message {
    const chat = this.requireChat(p.chat_id);
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities, "text", this.checks);
    const markup = inlineMarkup(p.reply_markup, this.checks);
    return this.store({
      ...this.baseMessage(chat),
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(isRecord(p.link_preview_options)
        ? { link_preview_options: p.link_preview_options as LinkPreviewOptions }
        : {}),
      ...(markup ? { reply_markup: markup } : {}),
    });
  }

  /**
   * Which photo a sendPhoto names, as Telegram reads it: a file_id it issued (or one of a photo it delivered in an
   * update), an http(s) URL it fetches (an upload: counted in stats.photos.byUrl), or an uploaded file. An unknown
   * file_id or a refused URL (`refusePhoto`) is a 400, before anything is delivered.
   */
  private photoInput(photo: unknown): string | undefined {
    const stats = this.stats.photos;
    if (typeof photo !== "string") {
      if (photo === undefined) throw badRequest("there is no photo in the request");
      stats.byUpload++;
      return undefined;
    }
    const refused = this.refusedPhotos.get(photo);
    if (/^https?:\/\//i.test(photo)) {
      stats.byUrl++;
      if (refused) throw new ApiFailure({ error_code: 400, description: refused });
      return undefined;
    }
    stats.byFileId++;
    if (refused) throw new ApiFailure({ error_code: 400, description: refused });
    if (!this.knownFiles.has(photo)) throw badRequest("wrong file identifier/HTTP URL specified");
    return photo;
  }

  private sendMedia(kind: string, p: CallParams): Message {
    const chat = this.requireChat(p.chat_id);
    const caption =
      p.caption === undefined
        ? undefined
        : formatText(p.caption, p.parse_mode, p.caption_entities, "caption", this.checks);
    const markup = inlineMarkup(p.reply_markup, this.checks);
    const reused = kind === "photo" ? this.photoInput(p.photo) : undefined;
    return this.store({
      ...this.baseMessage(chat),
      ...this.mediaFields(kind, reused),
      ...(caption ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    });
  }

  private sendMediaGroup(p: CallParams): Message[] {
    const chat = this.requireChat(p.chat_id);
    if (!Array.isArray(p.media) || p.media.length < 2 || p.media.length > 10) {
      throw badRequest("wrong number of media in the album");
    }
    const groupId = `mg${this.nextMessageId}`;
    return p.media.map((item: unknown) => {
      const m = isRecord(item) ? item : {};
      const kind = typeof m.type === "string" ? m.type : "photo";
      const caption =
        m.caption === undefined
          ? undefined
          : formatText(m.caption, m.parse_mode, m.caption_entities, "caption", this.checks);
      return this.store({
        ...this.baseMessage(chat),
        media_group_id: groupId,
        ...this.mediaFields(kind),
        ...(caption ? { caption: caption.text } : {}),
      });
    });
  }

  private mediaFields(kind: string, reused?: string): Partial<Message> {
    const file_id = reused ?? `file-${this.nextFileId++}`;
    this.knownFiles.add(file_id);
    const file_unique_id = `u${file_id}`;
    switch (kind) {
      case "photo":
        return { photo: [{ file_id, file_unique_id, width: 1280, height: 720, file_size: 1024 }] };
      case "video":
        return { video: { file_id, file_unique_id, width: 1280, height: 720, duration: 1 } };
      case "animation":
        return { animation: { file_id, file_unique_id, width: 320, height: 240, duration: 1 } };
      case "audio":
        return { audio: { file_id, file_unique_id, duration: 1 } };
      case "voice":
        return { voice: { file_id, file_unique_id, duration: 1 } };
      default:
        return { document: { file_id, file_unique_id } };
    }
  }

  private copyOrForward(p: CallParams, forward: boolean): Message {
    const chat = this.requireChat(p.chat_id);
    const from = this.requireChat(p.from_chat_id);
    const key = `${from.id}:${toNumber(p.message_id)}`;
    const source = this.messages.get(key) ?? this.received.get(key);
    const copy: Message = { ...(source ?? {}), ...this.baseMessage(chat) };
    delete copy.reply_markup;
    delete copy.edit_date;
    if (forward) copy.forward_origin = { type: "chat", date: source?.date ?? unixNow(), sender_chat: from };
    if (!source) copy.text = "(copied message)";
    return this.store(copy);
  }

  private copyOrForwardMany(p: CallParams, forward: boolean): Array<{ message_id: number }> {
    const ids = Array.isArray(p.message_ids) ? p.message_ids : [];
    return ids.map((id: unknown) => ({
      message_id: this.copyOrForward({ ...p, message_id: id }, forward).message_id,
    }));
  }

  private editMessage(p: CallParams, what: "text" | "caption" | "markup"): Message | true {
    const text =
      what === "text"
        ? formatText(p.text, p.parse_mode, p.entities, "text", this.checks)
        : what === "caption" && p.caption !== undefined
          ? formatText(p.caption, p.parse_mode, p.caption_entities, "caption", this.checks)
          : undefined;
    const markup = inlineMarkup(p.reply_markup, this.checks);
    if (p.inline_message_id !== undefined) return true;
    const chat = this.requireChat(p.chat_id);
    const messageId = toNumber(p.message_id);
    if (messageId === undefined) throw badRequest("message identifier is not specified");
    const existing = this.messages.get(`${chat.id}:${messageId}`);
    // Like Telegram: a photo's text is its caption, and a text message has no caption.
    if (existing && what === "text" && existing.text === undefined)
      throw badRequest("there is no text in the message to edit");
    if (existing && what === "caption" && existing.text !== undefined)
      throw badRequest("there is no caption in the message to edit");
    const base: Message = existing ?? { ...this.baseMessage(chat), message_id: messageId };
    const next: Message = { ...base, edit_date: unixNow() };
    delete next.reply_markup;
    if (markup) next.reply_markup = markup;
    if (what === "text" && text) {
      next.text = text.text;
      if (text.entities.length > 0) next.entities = text.entities;
      else delete next.entities;
    }
    if (what === "caption") {
      if (text) next.caption = text.text;
      else delete next.caption;
      if (text && text.entities.length > 0) next.caption_entities = text.entities;
      else delete next.caption_entities;
    }
    if (existing && (this.options.notModifiedErrors ?? true)) {
      const same =
        sameJson(existing.text, next.text) &&
        sameJson(existing.entities, next.entities) &&
        sameJson(existing.caption, next.caption) &&
        sameJson(existing.reply_markup, next.reply_markup);
      if (same) {
        throw badRequest(
          "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      }
    }
    this.messages.set(`${chat.id}:${messageId}`, next);
    return next;
  }

  /**
   * answerInlineQuery, checked as Telegram checks it: a query answered once, at most 50 results, ids of 1–64 bytes
   * and unique, each article's title and message text (≤ 4096 visible characters after HTML parsing), its
   * keyboard, next_offset ≤ 64 bytes, and the button's start parameter.
   */
  private answerInlineQuery(p: CallParams): true {
    const queryId =
      typeof p.inline_query_id === "string" ? p.inline_query_id : String(p.inline_query_id ?? "");
    if (!this.openInlineQueries.has(queryId)) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    const results = Array.isArray(p.results) ? p.results : undefined;
    if (!results) throw badRequest('parameter "results" is required');
    if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
    const ids = new Set<string>();
    const checked: InlineAnswer["results"] = [];
    for (const r of results) {
      if (!isRecord(r)) throw badRequest("RESULT_TYPE_INVALID");
      const id = typeof r.id === "string" ? r.id : "";
      const bytes = Buffer.byteLength(id);
      if (bytes < 1 || bytes > 64) throw badRequest("RESULT_ID_INVALID");
      if (ids.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
      ids.add(id);
      if (r.type !== "article") throw badRequest("RESULT_TYPE_INVALID");
      if (typeof r.title !== "string" || r.title.trim() === "") throw badRequest("RESULT_TITLE_EMPTY");
      const content = isRecord(r.input_message_content) ? r.input_message_content : undefined;
      if (!content || typeof content.message_text !== "string") throw badRequest("MESSAGE_EMPTY");
      const text = formatText(
        content.message_text,
        content.parse_mode,
        content.entities,
        "text",
        this.checks,
      );
      const markup = inlineMarkup(r.reply_markup, this.checks);
      checked.push({
        id,
        title: r.title,
        ...(typeof r.description === "string" ? { description: r.description } : {}),
        text: text.text,
        html: content.message_text,
        ...(markup ? { reply_markup: markup } : {}),
      });
    }
    const nextOffset = typeof p.next_offset === "string" ? p.next_offset : "";
    if (Buffer.byteLength(nextOffset) > 64) throw badRequest("NEXT_OFFSET_INVALID");
    const button = isRecord(p.button) ? p.button : undefined;
    if (button) {
      if (typeof button.text !== "string" || button.text === "") throw badRequest("BUTTON_TEXT_INVALID");
      const start = button.start_parameter;
      if (start !== undefined && (typeof start !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(start))) {
        throw badRequest("START_PARAM_INVALID");
      }
    }
    this.openInlineQueries.delete(queryId);
    this.inlineAnswerList.push({
      queryId,
      results: checked,
      nextOffset,
      ...(toNumber(p.cache_time) !== undefined ? { cacheTime: toNumber(p.cache_time) } : {}),
      isPersonal: p.is_personal === true || p.is_personal === "true",
      ...(button
        ? { button: { text: String(button.text), start: String(button.start_parameter ?? "") } }
        : {}),
    });
    return true;
  }

  private setMyCommands(p: CallParams): true {
    const commands = Array.isArray(p.commands) ? p.commands : undefined;
    if (!commands) throw badRequest('parameter "commands" is required');
    if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
    const valid: BotCommand[] = [];
    for (const c of commands) {
      if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
        throw badRequest("BOT_COMMAND_INVALID");
      }
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      valid.push({ command: c.command, description: c.description });
    }
    if (
      typeof p.language_code === "string" &&
      p.language_code !== "" &&
      !/^[a-z]{2}$/.test(p.language_code)
    ) {
      throw badRequest("LANG_CODE_INVALID");
    }
    this.commandSets.set(this.commandKey(p.scope, p.language_code), valid);
    return true;
  }

  private commandKey(scope: unknown, languageCode: unknown): string {
    const s = isRecord(scope) ? scope : { type: "default" };
    const chatId = s.chat_id === undefined ? "" : String(s.chat_id);
    const userId = s.user_id === undefined ? "" : String(s.user_id);
    const lang = typeof languageCode === "string" ? languageCode : "";
    return `${String(s.type ?? "default")}|${chatId}|${userId}|${lang}`;
  }

  private setWebhook(p: CallParams): true {
    const url = typeof p.url === "string" ? p.url : "";
    if (url === "") {
      this.webhookInfo = { url: "" };
      return true;
    }
    if (!url.startsWith("https://"))
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    const secret = p.secret_token;
    if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw badRequest("secret token contains unallowed characters");
    }
    this.webhookInfo = {
      url,
      ...(typeof secret === "string" ? { secretToken: secret } : {}),
      ...(Array.isArray(p.allowed_updates) ? { allowedUpdates: p.allowed_updates.map(String) } : {}),
      ...(toNumber(p.max_connections) !== undefined ? { maxConnections: toNumber(p.max_connections) } : {}),
    };
    if (p.drop_pending_updates === true || p.drop_pending_updates === "true") this.updates.length = 0;
    return true;
  }

  private getChat(p: CallParams): Record<string, unknown> {
    const chat = this.requireChat(p.chat_id);
    const blocked = this.blocked.get(chat.id);
    if (blocked?.error_code === 400) throw new ApiFailure(blocked);
    return {
      ...chat,
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    };
  }

  private getChatMember(p: CallParams): ChatMember {
    const chat = this.requireChat(p.chat_id);
    const userId = toNumber(p.user_id);
    if (userId === undefined) throw badRequest("user not found");
    const blocked = this.blocked.get(chat.id);
    if (blocked?.error_code === 400) throw new ApiFailure(blocked);
    return chatMember(this.userFor(userId), this.chatMemberStatus(chat.id, userId));
  }

  private getChatAdministrators(p: CallParams): ChatMember[] {
    const chat = this.requireChat(p.chat_id);
    if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
    const admins: ChatMember[] = [];
    for (const [key, status] of this.members) {
      const [chatId, userId] = key.split(":").map(Number);
      if (
        chatId === chat.id &&
        userId !== undefined &&
        (status === "administrator" || status === "creator")
      ) {
        admins.push(chatMember(this.userFor(userId), status));
      }
    }
    return admins;
  }

  // --- Helpers -------------------------------------------------------------------------------------------------

  private baseMessage(chat: Chat): Message {
    const base: Message = { message_id: this.nextMessageId++, date: unixNow(), chat };
    if (chat.type === "channel") base.sender_chat = chat;
    else
      base.from = {
        id: this.botInfo.id,
        is_bot: true,
        first_name: this.botInfo.first_name,
        username: this.botInfo.username,
      };
    return base;
  }

  private store(message: Message): Message {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    return message;
  }

  private requireChat(chatId: unknown): Chat {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const id = toNumber(chatId);
    if (id !== undefined) return this.chatFor(id);
    const byName = this.chatIdByUsername(chatId);
    if (byName !== undefined) return this.chatFor(byName);
    throw badRequest("chat not found");
  }

  private chatIdByUsername(chatId: unknown): number | undefined {
    if (typeof chatId !== "string" || !chatId.startsWith("@")) return undefined;
    const name = chatId.slice(1).toLowerCase();
    for (const chat of [...this.chatOverrides.values(), ...this.chats.values()]) {
      if (chat.username?.toLowerCase() === name) return chat.id;
    }
    return undefined;
  }

  /** The chat object for an id: `setChat` override, then chats seen in updates, then inferred from the id. */
  private chatFor(id: number): Chat {
    const known = this.chatOverrides.get(id) ?? this.chats.get(id);
    if (known) return known;
    if (id > 0) {
      const u = this.users.get(id);
      return {
        id,
        type: "private",
        first_name: u?.first_name ?? `User ${id}`,
        ...(u?.last_name !== undefined ? { last_name: u.last_name } : {}),
        ...(u?.username !== undefined ? { username: u.username } : {}),
      };
    }
    if (id < -1_000_000_000_000) return { id, type: "supergroup", title: `Supergroup ${id}` };
    return { id, type: "group", title: `Group ${id}` };
  }

  private userFor(id: number): User {
    if (id === this.botInfo.id) {
      return { id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
    }
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  private defaultBlockDescription(chatId: number): string {
    switch (this.chatFor(chatId).type) {
      case "private":
        return "Forbidden: bot was blocked by the user";
      case "group":
        return "Forbidden: bot was kicked from the group chat";
      case "supergroup":
        return "Forbidden: bot was kicked from the supergroup chat";
      case "channel":
        return "Forbidden: bot is not a member of the channel chat";
    }
  }

  /** Remembers chats and users from a pushed update; applies my_chat_member changes (block/unblock). */
  private learn(update: Update): void {
    const seen: Array<{ chat?: Chat; from?: User } | undefined> = [
      update.message,
      update.edited_message,
      update.channel_post,
      update.edited_channel_post,
      update.callback_query?.message,
      update.my_chat_member,
      update.chat_member,
    ];
    for (const item of seen) {
      if (item?.chat) this.chats.set(item.chat.id, item.chat);
      if (item?.from) this.users.set(item.from.id, item.from);
    }
    if (update.callback_query) this.users.set(update.callback_query.from.id, update.callback_query.from);
    if (update.inline_query) {
      this.users.set(update.inline_query.from.id, update.inline_query.from);
      this.openInlineQueries.add(update.inline_query.id);
    }
    if (update.message)
      this.received.set(`${update.message.chat.id}:${update.message.message_id}`, update.message);
    for (const m of [update.message, update.edited_message, update.channel_post]) {
      for (const size of m?.photo ?? []) this.knownFiles.add(size.file_id);
    }
    const change = update.my_chat_member;
    if (change && change.new_chat_member.user.id === this.botInfo.id) {
      const status = change.new_chat_member.status;
      this.setChatMember(change.chat.id, this.botInfo.id, status);
      if (status === "kicked" || status === "left") this.blockChat(change.chat.id);
      else this.unblockChat(change.chat.id);
    }
  }

  private static emptyStats(): FakeBotApiStats {
    return {
      requests: 0,
      sent: 0,
      edits: 0,
      errors: 0,
      errorsByCode: {},
      received429: 0,
      received5xx: 0,
      dropped: 0,
      sentDuringRetryAfter: 0,
      violations: { global: 0, perChat: 0, byChat: new Map() },
      photos: { byUrl: 0, byFileId: 0, byUpload: 0 },
    };
  }
}
