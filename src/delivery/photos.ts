// One upload per picture: a photo given by URL is sent once as the URL; the file_id Telegram returns is what every
// other chat gets (stored in photo_files, so a restart mid-broadcast uploads nothing again). While the first upload
// is on the wire, the other sends of the same URL wait for its answer instead of uploading it too. A photo Telegram
// refuses (wrong file, too big, a URL it cannot fetch) is remembered as refused: its messages go out as text.
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

/** Descriptions of a sendPhoto 400 about the caption (our text) or the chat (no right to send photos), not the picture. */
const NOT_THE_PICTURE = /caption|entities|too long|rights|permission|forbidden/i;

/** Whether a refused sendPhoto's description is about the picture (so it is remembered as refused for everyone). */
export const refusesPicture = (description: string): boolean => !NOT_THE_PICTURE.test(description);

interface Upload {
  done: Promise<void>;
  finish: () => void;
}

export class PhotoFiles {
  private readonly known = new Map<string, { fileId: string } | { refused: string }>();
  private readonly uploading = new Map<string, Upload>();

  constructor(
    private readonly outbox: Pick<OutboxStore, "photoFile" | "recordPhotoFile">,
    private readonly logger: Logger,
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
      this.known.set(photo, outcome);
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
