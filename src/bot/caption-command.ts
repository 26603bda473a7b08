// A command in a photo's caption («/post …» sent as the caption of a picture): grammY's command() reads only a
// text's entities, so a photo with a command in its caption reached no handler and got no answer at all.
import type { NashraContext } from "./context";

/**
 * Filters a photo whose caption starts with `/name` (or `/name@<this bot>`) and sets `ctx.match` to what follows, as
 * command() does for text: handlers then read it with commandArgument.
 */
export function captionCommand(name: string): (ctx: NashraContext) => boolean {
  return (ctx) => {
    const msg = ctx.message ?? ctx.channelPost;
    const caption = msg?.caption;
    if (!msg?.photo || caption === undefined) return false;
    const entity = msg.caption_entities?.find((e) => e.type === "bot_command" && e.offset === 0);
    if (!entity) return false;
    const [command, target] = caption.slice(1, entity.length).split("@");
    // As for text commands (skipRepeats lower-cases them): a caption «/Post …» is /post.
    if (command?.toLowerCase() !== name) return false;
    if (target !== undefined && target.toLowerCase() !== ctx.me.username.toLowerCase()) return false;
    ctx.match = caption.slice(entity.length).trimStart();
    return true;
  };
}

/** The file_id of a message's (or an edited message's) photo in its largest size (Telegram sends every size; any of them works). */
export function photoFileId(ctx: NashraContext): string | undefined {
  const sizes = ctx.msg?.photo;
  return sizes?.[sizes.length - 1]?.file_id;
}
