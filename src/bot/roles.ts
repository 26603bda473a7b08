// Who is an editor or an admin: the environment's lists, then roles granted in the bot.
import type { Role } from "../domain";
import type { BotDeps } from "./context";

/** The role of a Telegram user. ADMIN_IDS and EDITOR_IDS cannot be revoked from inside the bot. */
export function roleOf(userId: number | undefined, deps: Pick<BotDeps, "config" | "store">): Role {
  if (userId === undefined) return "reader";
  if (deps.config.ADMIN_IDS.includes(userId)) return "admin";
  const granted = deps.store.roles.find(userId);
  if (granted === "admin") return "admin";
  if (granted === "editor" || deps.config.EDITOR_IDS.includes(userId)) return "editor";
  return "reader";
}
