// Request parameters as grammY sends them: query strings and JSON, urlencoded or multipart bodies, and the
// loosely typed values read out of them.
import type { IncomingMessage } from "node:http";
import { badRequest } from "./errors";
import type { CallParams, FakeUploadedFile } from "./types";

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A number from a JSON number or a numeric form string. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** A form or query value: JSON objects and arrays parsed, anything else kept as the string. */
export function formValue(value: string): unknown {
  const t = value.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function headerParam(header: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i");
  const m = re.exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Lenient multipart parser: grammY writes `content-disposition:form-data;name="x";filename=y`, which undici rejects. */
function parseMultipart(body: Buffer, boundary: string): CallParams {
  const params: CallParams = {};
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw badRequest("can't parse multipart body");
  pos += delimiter.length;
  for (;;) {
    if (body.subarray(pos, pos + 2).toString() === "--") break;
    if (body.subarray(pos, pos + 2).toString() === "\r\n") pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd === -1) break;
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const start = headerEnd + 4;
    let end = body.indexOf(next, start);
    if (end === -1) end = body.length;
    const content = body.subarray(start, end);
    const disposition = headers.get("content-disposition") ?? "";
    const name = headerParam(disposition, "name");
    const filename = headerParam(disposition, "filename");
    if (name !== undefined) {
      if (filename !== undefined) {
        const file: FakeUploadedFile = {
          kind: "file",
          field: name,
          filename,
          contentType: headers.get("content-type") ?? "application/octet-stream",
          size: content.length,
        } as FakeUploadedFile;
        Object.defineProperty(file, "data", { value: Buffer.from(content), enumerable: false });
        params[name] = file;
      } else {
        params[name] = formValue(content.toString("utf8"));
      }
    }
    if (end >= body.length) break;
    pos = end + next.length;
  }
  // Resolve top-level "attach://<field>" references to the uploaded file.
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const field = value.slice("attach://".length);
      const file = params[field];
      if (isRecord(file) && file.kind === "file") {
        params[key] = file;
        delete params[field];
      }
    }
  }
  return params;
}

/** The params of a request body by its content type; throws Telegram's 400 for a malformed one. */
export function parseBody(body: Buffer, contentType: string | undefined): CallParams {
  if (body.length === 0) return {};
  const ct = (contentType ?? "").toLowerCase();
  if (ct.startsWith("multipart/form-data")) {
    const boundary = headerParam(contentType ?? "", "boundary");
    if (!boundary) throw badRequest("multipart boundary is missing");
    return parseMultipart(body, boundary);
  }
  if (ct.startsWith("application/x-www-form-urlencoded")) {
    const params: CallParams = {};
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = formValue(v);
    return params;
  }
  const text = body.toString("utf8");
  if (ct.startsWith("application/json") || text.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (!isRecord(parsed)) throw badRequest("JSON body must be an object");
    return parsed;
  }
  return {};
}
