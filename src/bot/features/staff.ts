// Editor and admin commands not built yet (digests, admin tools). Registered after every other
// feature: a command that has a feature of its own is handled (or refused) there and never gets here.
// Role checks apply already; those allowed hear "coming soon".
import { Composer } from "grammy";
import { ADMIN_COMMANDS, EDITOR_COMMANDS } from "../commands";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { replyHtml } from "../reply";

export const staffFeature = new Composer<NashraContext>();

const comingSoon = (ctx: NashraContext) => replyHtml(ctx, ctx.t("coming-soon"));

staffFeature.command([...EDITOR_COMMANDS], requireRole("editor"), comingSoon);
staffFeature.command([...ADMIN_COMMANDS], requireRole("admin"), comingSoon);
