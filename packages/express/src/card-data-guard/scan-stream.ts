/**
 * @module
 * Scans a request body as text while it streams in, without keeping it: each chunk is decoded,
 * searched for card numbers together with the last few characters of the previous one (so a
 * number split across chunks is still found), then dropped. Used for multipart and other bodies
 * the guard does not parse.
 */
import { containsCardNumber } from "@linkpay/core";
import { HttpError } from "../errors";

/** Characters kept between chunks: longer than any card number written with separators. */
const OVERLAP = 64;

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
    const text = carried + decoder.decode(bytes, { stream: true });
    if (containsCardNumber(text)) return true;
    carried = text.slice(-OVERLAP);
  }
  return containsCardNumber(carried + decoder.decode());
}
