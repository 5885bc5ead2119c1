/**
 * @module
 * `rejectCardData`: the merchant has no card form, so any request carrying a card number is
 * refused with 400 `CARD_DATA_DETECTED` before a route sees it. It scans the path, query, route
 * parameters, headers and body (url-encoded, JSON and text bodies are parsed and left on
 * `req.body`; multipart and other bodies are scanned as raw text while streaming, not kept). The
 * number itself is never logged or stored: the log line names only where it was found.
 */
import { containsCardNumber, LinkpayError, type Logger } from "@linkpay/core";
import express, { type Request, type RequestHandler, type Response } from "express";
import { requestLogger } from "../logging";
import { bodyToScan, type CardDataSource, requestParts } from "./request-parts";

export type { CardDataSource } from "./request-parts";

import { streamHoldsCardNumber } from "./scan-stream";

/** Options of {@link rejectCardData}. */
export interface RejectCardDataOptions {
  /** Largest body read, in bytes (default 100 KiB); larger → 413. */
  readonly limit?: number | undefined;
  /**
   * Headers not scanned (lower-case): machine-made values that are never typed by a shopper and
   * whose hex digits could look like a card number. Default `cookie`, `x-csrf-token`.
   */
  readonly ignoreHeaders?: readonly string[] | undefined;
  /** Top-level body fields not scanned. Default `_csrf` (a hex token). */
  readonly ignoreFields?: readonly string[] | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
}

type Parser = (req: Request, res: Response, next: (error?: unknown) => void) => void;

function run(parser: Parser, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(error)));
  });
}

/**
 * Refuses any request that carries a card number. Mount it in front of checkout routes (it also
 * parses their url-encoded or JSON body).
 *
 * @example
 * app.post("/checkout", rejectCardData(), csrf, checkoutHandler({ payments, start }));
 */
export function rejectCardData(options: RejectCardDataOptions = {}): RequestHandler {
  const limit = options.limit ?? 100 * 1024;
  const ignoredHeaders = new Set(options.ignoreHeaders ?? ["cookie", "x-csrf-token"]);
  const ignoredFields = new Set(options.ignoreFields ?? ["_csrf"]);
  const parsers: readonly [string, Parser][] = [
    ["urlencoded", express.urlencoded({ extended: false, limit })],
    ["json", express.json({ limit })],
    ["text/*", express.text({ type: "text/*", limit })],
  ];

  /** The parts holding a card number (`body` read here when no parser ran before). */
  async function sourcesWithCards(req: Request, res: Response): Promise<CardDataSource[]> {
    const found = requestParts(req, ignoredHeaders)
      .filter((part) => containsCardNumber(part.value))
      .map((part) => part.source);
    if (req.body === undefined && req.is("*/*") !== null) {
      const parser = parsers.find(([type]) => req.is(type) !== false)?.[1];
      if (parser === undefined) {
        if (await streamHoldsCardNumber(req, limit)) found.push("body");
        return found;
      }
      await run(parser, req, res);
    }
    if (containsCardNumber(bodyToScan(req.body, ignoredFields))) found.push("body");
    return found;
  }

  return async function linkpayRejectCardData(req, res, next) {
    try {
      const sources = await sourcesWithCards(req, res);
      if (sources.length === 0) {
        next();
        return;
      }
      requestLogger(req, options.logger).warn(
        { code: "CARD_DATA_DETECTED", sources, method: req.method },
        "A request carried a card number; it was refused and nothing of it was kept",
      );
      next(
        new LinkpayError(
          "CARD_DATA_DETECTED",
          `A card number was found in the request (${sources.join(", ")}); it was refused`,
          { details: { sources } },
        ),
      );
    } catch (error) {
      next(error);
    }
  };
}
