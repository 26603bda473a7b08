// /latest and /search, built with the articles store (see the articles issue); until then they say so.
import { Composer } from "grammy";
import type { NashraContext } from "../context";
import { replyHtml } from "../reply";

export const readingFeature = new Composer<NashraContext>();

readingFeature.command(["latest", "search"], (ctx) => replyHtml(ctx, ctx.t("coming-soon")));
