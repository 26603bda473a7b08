// Editor and admin commands not built yet (alerts, digests, admin tools). Role checks apply already;
// those allowed hear "coming soon" until the command lands in its own feature.
import { Composer } from "grammy";
import { ADMIN_COMMANDS, EDITOR_COMMANDS } from "../commands";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { replyHtml } from "../reply";

export const staffFeature = new Composer<NashraContext>();

const comingSoon = (ctx: NashraContext) => replyHtml(ctx, ctx.t("coming-soon"));

/** Commands that have a feature of their own (registered before this one). */
const BUILT = new Set(["post", "feeds", "addfeed", "removefeed", "addtopic", "alias"]);

staffFeature.command(
  EDITOR_COMMANDS.filter((c) => !BUILT.has(c)),
  requireRole("editor"),
  comingSoon,
);
staffFeature.command(
  ADMIN_COMMANDS.filter((c) => !BUILT.has(c)),
  requireRole("admin"),
  comingSoon,
);
