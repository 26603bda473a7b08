// One upload per picture: a photo given by URL is sent once as the URL; the file_id Telegram returns is what every
// other chat gets (stored in photo_files, so a restart mid-broadcast uploads nothing again). While the first upload
// is on the wire, the other sends of the same URL wait for its answer instead of uploading it too. A photo Telegram
// refuses (wrong file, too big, a URL it cannot fetch) is remembered as refused: its messages go out as text.
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { OutboxStore } from "../store/outbox";

/** What a send of a photo should use. */
export type PhotoLease =
  /** Send `photo` (a file_id, or the URL when this send is the upload); then settle or release the lease. */
  | { kind: "send"; photo: string; upload: boolean }
  /** Telegram refused this picture before: send the text alone. */
  | { kind: "refused"; reason: string };

/** Whether a photo is given by URL (Telegram downloads it) rather than by file_id. */
export const isPhotoUrl = (photo: string): boolean => /^https?:\/\//i.test(photo);

/**
 * Descriptions of a sendPhoto 400 about the picture itself: a file_id or URL Telegram does not take, a page that is
 * not an image, a file too big, dimensions or a format it cannot process, a URL it could not fetch. Any other 400
 * (the caption, or the chat: TOPIC_CLOSED, CHAT_RESTRICTED, no right to send photos) is about this one send.
 */
const PICTURE_REFUSED =
  /wrong file identifier|wrong remote file|wrong type of the web page content|PHOTO_[A-Z_]+|IMAGE_PROCESS_FAILED|too big|failed to get HTTP URL content/i;

/** Whether a refused sendPhoto's description is about the picture (so it is remembered as refused for everyone). */
export const refusesPicture = (description: string): boolean => PICTURE_REFUSED.test(description);

/**
 * A URL's refusal holds this long; then the next send tries it once more: the commonest, «failed to get HTTP URL
 * content», is often the image host down for a while, and a page may become an image.
 */
export const URL_REFUSAL_TTL_MS = 60 * 60_000;

interface Upload {
  done: Promise<void>;
  finish: () => void;
}

export class PhotoFiles {
  /** What Telegram said of each picture; a URL's refusal with when it was learned (it expires). */
  private readonly known = new Map<string, { fileId: string } | { refused: string; at?: number }>();
  private readonly uploading = new Map<string, Upload>();

  constructor(
    private readonly outbox: Pick<OutboxStore, "photoFile" | "recordPhotoFile">,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /**
   * What to send for `photo`: a file_id as it is; a URL's file_id once known; else the URL itself for the first
   * caller (an upload: it must call `learned` or `failed` after), while the others wait for that upload's answer.
   */
  async lease(photo: string): Promise<PhotoLease> {
    if (!isPhotoUrl(photo)) {
      const known = this.known.get(photo);
      return known && "refused" in known
        ? { kind: "refused", reason: known.refused }
        : { kind: "send", photo, upload: false };
    }
    for (;;) {
      const known = this.lookup(photo);
      if (known) {
        return "fileId" in known
          ? { kind: "send", photo: known.fileId, upload: false }
          : { kind: "refused", reason: known.refused };
      }
      const pending = this.uploading.get(photo);
      if (!pending) break;
      await pending.done;
    }
    let finish = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.uploading.set(photo, { done, finish });
    return { kind: "send", photo, upload: true };
  }

  /**
   * Resolves once no upload of `photo` is on the wire: the sender waits here before taking its rate slot, so that
   * the sends that wait for the first upload do not hold slots meanwhile and then go out all at once.
   */
  async settled(photo: string): Promise<void> {
    for (let pending = this.uploading.get(photo); pending; pending = this.uploading.get(photo))
      await pending.done;
  }

  /** The upload of `photo` returned `fileId`: every later send uses it. */
  learned(photo: string, fileId: string): void {
    if (!isPhotoUrl(photo)) return;
    const outcome = { fileId };
    this.known.set(photo, outcome);
    this.remember(photo, outcome);
    this.end(photo);
  }

  /**
   * Telegram refused the picture (`reason`), or the upload failed another way (no reason: 5xx, network, 429), in
   * which case the next waiting send tries the upload again.
   */
  failed(photo: string, reason?: string): void {
    if (reason !== undefined) {
      const outcome = { refused: reason };
      this.known.set(photo, isPhotoUrl(photo) ? { ...outcome, at: this.clock() } : outcome);
      if (isPhotoUrl(photo)) this.remember(photo, outcome);
      this.logger.warn({ photo: photo.slice(0, 200), reason }, "Telegram refused a photo; it goes as text");
    }
    this.end(photo);
  }

  private lookup(photo: string): { fileId: string } | { refused: string } | undefined {
    let known = this.known.get(photo);
    if (!known) {
      known = this.outbox.photoFile(photo);
      if (known) this.known.set(photo, known);
    }
    // An expired refusal: this send is the new try (an upload, the others waiting for it).
    if (
      known &&
      "refused" in known &&
      known.at !== undefined &&
      this.clock() - known.at >= URL_REFUSAL_TTL_MS
    ) {
      this.known.delete(photo);
      return undefined;
    }
    return known;
  }

  private remember(photo: string, outcome: { fileId: string } | { refused: string }): void {
    try {
      this.outbox.recordPhotoFile(photo, outcome);
    } catch (error) {
      // Kept in memory: this process still uploads once; a restart may upload it once more.
      this.logger.error({ err: error }, "could not record a photo's file_id");
    }
  }

  private end(photo: string): void {
    const upload = this.uploading.get(photo);
    this.uploading.delete(photo);
    upload?.finish();
  }
}
