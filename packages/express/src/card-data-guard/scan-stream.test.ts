import { describe, expect, it } from "@jest/globals";
import { isHttpError } from "../errors";
import { streamHoldsCardNumber } from "./scan-stream";

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === "string" ? Buffer.from(part) : part;
}

describe("streamHoldsCardNumber", () => {
  it("finds a card number split across chunks, even inside a multi-byte character run", async () => {
    expect(
      await streamHoldsCardNumber(chunks('name="c"\r\n\r\n4242 42', "42 4242 4242\r\n"), 1e6),
    ).toBe(true);
    expect(await streamHoldsCardNumber(chunks("伝言：4242", "-4242-4242-4242。"), 1e6)).toBe(true);
    const bytes = Buffer.from("メモ 4242424242424242");
    expect(await streamHoldsCardNumber(chunks(bytes.subarray(0, 4), bytes.subarray(4)), 1e6)).toBe(
      true,
    );
  });

  it("finds a number written with every trick, sent one byte at a time", async () => {
    const gap = " \u200b-\u200b.\u200b/\u0301\u0301\u0301\u0301";
    const widest = `noise ${"x".repeat(30_000)} card${[..."4242424242424242"].join(gap)}JPY`;
    const bytes = Buffer.from(widest);
    const oneByte = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(await streamHoldsCardNumber(chunks(...oneByte), 1e6)).toBe(true);
    const at = bytes.length - 200;
    expect(
      await streamHoldsCardNumber(chunks(bytes.subarray(0, at), bytes.subarray(at)), 1e6),
    ).toBe(true);
  });

  it("finds a URL-escaped number split across batches", async () => {
    const escaped = "c=4242%E2%80%8B4242+4242%E2%80%8B4242";
    const padding = "y".repeat(16 * 1024 - 10);
    expect(
      await streamHoldsCardNumber(chunks(padding + escaped.slice(0, 20), escaped.slice(20)), 1e6),
    ).toBe(true);
  });

  it("passes text without card numbers", async () => {
    expect(await streamHoldsCardNumber(chunks("tel 090-1234-", "5678, ref RC-2026"), 1e6)).toBe(
      false,
    );
  });

  it("stops at the limit", async () => {
    const error = await streamHoldsCardNumber(chunks("x".repeat(10), "y".repeat(10)), 15).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isHttpError(error, "PAYLOAD_TOO_LARGE")).toBe(true);
  });
});
