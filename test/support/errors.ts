// Assertions shared by the ingest tests.
import { expect } from "vitest";
import { IngestError } from "../../src/ingest/types";

/** The IngestError a call throws, checked to be one line (fails the test when it throws nothing or something else). */
export function ingestError(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const e = error as IngestError;
    expect(e.message).not.toMatch(/\n/);
    return e;
  }
  throw new Error("expected an IngestError");
}
