// Editor and admin commands. Role checks apply now; the commands themselves arrive with later work
// (articles and feeds, alerts, digests and admin tools) and answer "coming soon" until then.
import { Composer } from "grammy";
import { ADMIN_COMMANDS, EDITOR_COMMANDS } from "../commands";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { replyHtml } from "../reply";

export const staffFeature = new Composer<NashraContext>();

const comingSoon = (ctx: NashraContext) => replyHtml(ctx, ctx.t("coming-soon"));

staffFeature.command([...EDITOR_COMMANDS], requireRole("editor"), comingSoon);
staffFeature.command([...ADMIN_COMMANDS], requireRole("admin"), comingSoon);
