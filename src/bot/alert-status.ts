// The status message an editor watches while an alert is delivered: its text and its edits.
import type { Api } from "grammy";
import type { AlertProgress, AlertStatusPort } from "../alerts/service";
import type { I18n } from "../i18n";
import type { AlertRecord } from "../store/alerts";
import { isNotModified } from "./reply";

/** The status message's text, in the requesting editor's language. */
function statusText(i18n: I18n, alert: AlertRecord, p: AlertProgress): string {
  const args = { id: `#${alert.id}`, sent: p.sent, failed: p.failed, blocked: p.blocked };
  // Until the audience is counted (a few turns after Send), the figures so far without a total: never a wrong one.
  const text =
    p.total === undefined
      ? i18n.t(alert.language, "alert-status-counting", args)
      : i18n.t(alert.language, p.done ? "alert-status-done" : "alert-status-sending", {
          ...args,
          total: p.total,
        });
  // Held for the end of readers' quiet hours: said, so that the editor knows why the count stops there.
  return p.waiting
    ? `${text}\n${i18n.t(alert.language, "alert-status-waiting", { count: p.waiting })}`
    : text;
}

/** The editor's status message, edited as the alert's delivery progresses (AlertService's status port). */
export class AlertStatusMessages implements AlertStatusPort {
  constructor(
    private readonly api: Api,
    private readonly i18n: I18n,
  ) {}

  async show(alert: AlertRecord, progress: AlertProgress): Promise<void> {
    if (alert.statusChatId === null || alert.statusMessageId === null) return;
    try {
      await this.api.editMessageText(
        alert.statusChatId,
        alert.statusMessageId,
        statusText(this.i18n, alert, progress),
        {
          parse_mode: "HTML",
        },
      );
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
  }
}
