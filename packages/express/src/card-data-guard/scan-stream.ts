/**
 * @module
 * Scans a request body as text while it streams in, without keeping it: text is decoded and
 * gathered until a batch is ready, searched for card numbers (as sent and URL-decoded, see
 * `text-forms`) together with the tail of the previous batch (so a number split across chunks is
 * still found), then dropped. Batching keeps the work linear however small the chunks are. Used
 * for multipart and other bodies the guard does not parse.
 */
import { containsCardNumber } from "@linkpay/core";
import { HttpError } from "../errors";
import { textForms } from "./text-forms";

/**
 * Characters kept between batches: longer than any card number core recognises (19 digits with up
 * to 16 separators or invisible characters between each two: about 340), URL-escaped (×9 for a
 * three-byte character written `%E2%80%8B`), with room for the text that decides it.
 */
const OVERLAP = 4096;
/** New text gathered before a scan. */
const BATCH = 16 * 1024;

function holdsCardNumber(text: string): boolean {
  return textForms(text).some((form) => containsCardNumber(form));
}

/**
 * True when the text of `body` holds a card number. Reads the whole stream (up to `limitBytes`,
 * else PAYLOAD_TOO_LARGE) and stops at the first card number.
 */
export async function streamHoldsCardNumber(
  body: AsyncIterable<Uint8Array | string>,
  limitBytes: number,
): Promise<boolean> {
  const decoder = new TextDecoder("utf-8");
  let carried = "";
  let pending = "";
  let total = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > limitBytes) {
      throw new HttpError(
        "PAYLOAD_TOO_LARGE",
        "The request body is larger than the card-data guard reads",
      );
    }
    pending += decoder.decode(bytes, { stream: true });
    if (pending.length >= BATCH) {
      const text = carried + pending;
      if (holdsCardNumber(text)) return true;
      carried = text.slice(-OVERLAP);
      pending = "";
    }
  }
  return holdsCardNumber(carried + pending + decoder.decode());
}
