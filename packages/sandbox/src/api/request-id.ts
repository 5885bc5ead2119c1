/**
 * @module
 * A `Request-Id: req_…` header on every response, as Stripe sends; events caused by an API call
 * carry the same id in `request.id`.
 */
import type { Request, RequestHandler } from "express";
import { newId } from "../ids/new-id";

const ids = new WeakMap<Request, string>();

/** Middleware giving each request an id and answering with it in `Request-Id`. */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const id = newId("request");
    ids.set(req, id);
    res.setHeader("Request-Id", id);
    next();
  };
}

/** The id given to `req` by {@link requestIds}. */
export function requestIdOf(req: Request): string {
  const id = ids.get(req);
  if (id === undefined) throw new Error("requestIds() middleware is not installed");
  return id;
}
