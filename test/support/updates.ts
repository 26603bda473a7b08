// Builders for Telegram updates in tests: canned users and chats, messages, commands, callbacks, channel
// posts and my_chat_member changes. Builders leave `update_id` unset; FakeBotApi.pushUpdate assigns it.
import type {
  CallbackQuery,
  Chat,
  ChatMember,
  ChatMemberUpdated,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";

/** An update as built by these helpers: everything but `update_id`, which the fake assigns. */
export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

/** A message update in a private chat, group or supergroup. */
export type MessageUpdate = NewUpdate & { message: NonNullable<Update["message"]> };
/** A channel post update. */
export type ChannelPostUpdate = NewUpdate & { channel_post: NonNullable<Update["channel_post"]> };
/** A callback query update whose query always carries `data` and `message`. */
export type CallbackUpdate = NewUpdate & {
  callback_query: CallbackQuery & { data: string; message: Message };
};
/** A my_chat_member update (the bot's own membership changed). */
export type MyChatMemberUpdate = NewUpdate & { my_chat_member: ChatMemberUpdated };

/** Chats a message (not a channel post) can come from. */
export type MessageChat = Exclude<Chat, Chat.ChannelChat>;
/** Any chat member status (`creator`, `administrator`, `member`, `restricted`, `left`, `kicked`). */
export type MemberStatus = ChatMember["status"];

/** The bot identity the fake server answers `getMe` with; pass as `botInfo` to skip getMe. */
export const testBotInfo: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Nashra",
  username: "nashra_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** The bot as a plain `User` (as it appears in `message.from` of the bot's own messages). */
export const botUser: User = {
  id: testBotInfo.id,
  is_bot: true,
  first_name: testBotInfo.first_name,
  username: testBotInfo.username,
};

/** Arabic-speaking user (id 1001). */
export const arUser: User = { id: 1001, is_bot: false, first_name: "سارة", language_code: "ar" };
/** English-speaking user (id 1002). */
export const enUser: User = { id: 1002, is_bot: false, first_name: "Sam", language_code: "en" };

/** A basic group (id -100123; inferred as "group" by the fake). */
export const groupChat: Chat.GroupChat = { id: -100123, type: "group", title: "Nashra Test Group" };
/** A supergroup (id below -10^12, as Telegram assigns them). */
export const supergroupChat: Chat.SupergroupChat = {
  id: -1001234567890,
  type: "supergroup",
  title: "Nashra Test Supergroup",
};
/** A public channel. Register it with `fake.setChat(channelChat.id, channelChat)` so sends echo type "channel". */
export const channelChat: Chat.ChannelChat = {
  id: -1009876543210,
  type: "channel",
  title: "Nashra Test Channel",
  username: "nashra_test_channel",
};

let nextUserId = 2001;
let nextMessageId = 10_000;
let nextCallbackId = 1;

const now = (): number => Math.floor(Date.now() / 1000);

/** A fresh non-bot user (unique id from 2001 up unless given; language "en" unless given). */
export function user(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? nextUserId++;
  return { id, is_bot: false, first_name: `User ${id}`, language_code: "en", ...overrides };
}

/** The private chat with a user (chat id = user id). */
export function privateChat(from: User = arUser): Chat.PrivateChat {
  return {
    id: from.id,
    type: "private",
    first_name: from.first_name,
    ...(from.last_name !== undefined ? { last_name: from.last_name } : {}),
    ...(from.username !== undefined ? { username: from.username } : {}),
  };
}

/** A group chat with the given overrides (defaults to `groupChat`). */
export function group(overrides: Partial<Omit<Chat.GroupChat, "type">> = {}): Chat.GroupChat {
  return { ...groupChat, ...overrides };
}

/** A supergroup with the given overrides (defaults to `supergroupChat`). */
export function supergroup(overrides: Partial<Omit<Chat.SupergroupChat, "type">> = {}): Chat.SupergroupChat {
  return { ...supergroupChat, ...overrides };
}

/**
 * The `bot_command` entity Telegram attaches when text starts with "/": offset 0, length of the command token
 * including an optional "@username" (in UTF-16 units). Returns undefined for other text.
 */
export function commandEntities(text: string): MessageEntity[] | undefined {
  const match = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/.exec(text);
  if (!match) return undefined;
  return [{ type: "bot_command", offset: 0, length: match[0].length }];
}

/** Options of `message`. `from` defaults to `arUser`, `chat` to the private chat of `from`. */
export interface MessageOptions {
  text: string;
  from?: User;
  chat?: MessageChat;
  date?: number;
  message_id?: number;
  /** Replaces the automatic bot_command entity. */
  entities?: MessageEntity[];
  /** The replied-to message (must not itself carry a reply_to_message). */
  reply_to_message?: NonNullable<Message["reply_to_message"]>;
}

/** A text message update; accepts the text alone (from `arUser` in their private chat). */
export function message(options: MessageOptions | string): MessageUpdate {
  const opts: MessageOptions = typeof options === "string" ? { text: options } : options;
  const from = opts.from ?? arUser;
  const entities = opts.entities ?? commandEntities(opts.text);
  return {
    message: {
      message_id: opts.message_id ?? nextMessageId++,
      date: opts.date ?? now(),
      chat: opts.chat ?? privateChat(from),
      from,
      text: opts.text,
      ...(entities !== undefined ? { entities } : {}),
      ...(opts.reply_to_message !== undefined ? { reply_to_message: opts.reply_to_message } : {}),
    },
  };
}

/**
 * "/cmd args" as a message update. `cmd` may carry a leading "/" and an "@username" suffix
 * (`command("start", "topic_12")`, `command("help@nashra_test_bot", "", { chat: groupChat })`).
 */
export function command(cmd: string, args = "", opts: Omit<MessageOptions, "text"> = {}): MessageUpdate {
  const name = cmd.startsWith("/") ? cmd.slice(1) : cmd;
  return message({ ...opts, text: args === "" ? `/${name}` : `/${name} ${args}` });
}

/** A message in a basic group (defaults: `groupChat`, from `arUser`). */
export function groupMessage(
  text: string,
  opts: Omit<MessageOptions, "text" | "chat"> & { chat?: Chat.GroupChat | Chat.SupergroupChat } = {},
): MessageUpdate {
  return message({ ...opts, text, chat: opts.chat ?? groupChat });
}

/** A channel post (no `from`; `sender_chat` is the channel). */
export function channelPost(text: string, chat: Chat.ChannelChat = channelChat): ChannelPostUpdate {
  const entities = commandEntities(text);
  return {
    channel_post: {
      message_id: nextMessageId++,
      date: now(),
      chat,
      sender_chat: chat,
      text,
      ...(entities !== undefined ? { entities } : {}),
    },
  };
}

/** Options of `callback`. */
export interface CallbackOptions {
  /** Who pressed the button; defaults to `arUser`. */
  from?: User;
  /**
   * The bot message carrying the keyboard: a full Message (e.g. `fake.lastMessage(chatId)`) or just its id and
   * chat. Defaults to a fresh bot message in `chat`.
   */
  message?: Message | { message_id: number; chat: Chat; text?: string };
  /** Chat of the default message; defaults to the private chat of `from`. */
  chat?: Chat;
}

/** A callback_query update for an inline button with `data` (unique query id, chat_instance per chat). */
export function callback(data: string, opts: CallbackOptions = {}): CallbackUpdate {
  const from = opts.from ?? arUser;
  const given = opts.message;
  const msg: Message =
    given !== undefined && "date" in given
      ? given
      : {
          message_id: given?.message_id ?? nextMessageId++,
          date: now(),
          chat: given?.chat ?? opts.chat ?? privateChat(from),
          from: botUser,
          text: given?.text ?? "…",
        };
  return {
    callback_query: {
      id: `cbq-${nextCallbackId++}`,
      from,
      chat_instance: `ci${Math.abs(msg.chat.id)}`,
      data,
      message: msg,
    },
  };
}

/** A ChatMember object with the given status for `member` (rights filled in for admins/restricted). */
export function chatMember(member: User, status: MemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { status, user: member, is_anonymous: false };
    case "administrator":
      return {
        status,
        user: member,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_post_messages: true,
        can_edit_messages: true,
        can_pin_messages: true,
        can_send_welcome_messages: false,
      };
    case "member":
      return { status, user: member };
    case "restricted":
      return {
        status,
        user: member,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_react_to_messages: false,
        can_change_info: false,
        can_invite_users: false,
        can_edit_tag: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case "left":
      return { status, user: member };
    case "kicked":
      return { status, user: member, until_date: 0 };
  }
}

/** Options of `myChatMember`. */
export interface MyChatMemberOptions {
  /** Defaults to the private chat of `from`. */
  chat?: Chat;
  /** Who changed the bot's status; defaults to `arUser`. */
  from?: User;
  oldStatus: MemberStatus;
  newStatus: MemberStatus;
  date?: number;
}

/**
 * The bot's own membership changed. Blocked by a user: `{ oldStatus: "member", newStatus: "kicked" }`;
 * unblocked: kicked → member; added to a group: `{ chat: groupChat, oldStatus: "left", newStatus: "member" }`;
 * removed: member → left (or kicked); promoted: member → administrator.
 */
export function myChatMember(opts: MyChatMemberOptions): MyChatMemberUpdate {
  const from = opts.from ?? arUser;
  return {
    my_chat_member: {
      chat: opts.chat ?? privateChat(from),
      from,
      date: opts.date ?? now(),
      old_chat_member: chatMember(botUser, opts.oldStatus),
      new_chat_member: chatMember(botUser, opts.newStatus),
    },
  };
}

let nextInlineQueryId = 1;

/** An inline query (`@bot <query>` typed in any chat) from `from` (default `arUser`). */
export function inlineQuery(
  query: string,
  opts: {
    from?: User;
    offset?: string;
    chat_type?: "sender" | "private" | "group" | "supergroup" | "channel";
  } = {},
): NewUpdate & { inline_query: NonNullable<Update["inline_query"]> } {
  return {
    inline_query: {
      id: `iq-${nextInlineQueryId++}`,
      from: opts.from ?? arUser,
      query,
      offset: opts.offset ?? "",
      ...(opts.chat_type ? { chat_type: opts.chat_type } : {}),
    },
  };
}
