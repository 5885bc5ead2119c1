/**
 * @module
 * Which booking a request may see: the reference in the path and the signed token in `?t=` must
 * match; anything else gets the same 404 page, so a wrong token and an unknown reference cannot
 * be told apart. Shared by every route under `/bookings/:reference`.
 */
import type { Request, Response } from "express";
import { isReference } from "../../bookings/booking-reference";
import { type Booking, findBooking } from "../../bookings/bookings";
import { pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { ErrorPage } from "../views/error-page";
import { renderPage } from "../views/layout";

/** The booking a request may see: reference and token must match, else undefined. */
export async function ownedBooking(deps: RouteDeps, req: Request): Promise<Booking | undefined> {
  const reference = String(req.params.reference ?? "");
  const owned = isReference(reference) && deps.returnLinks.isValid(reference, req.query.t);
  return owned ? findBooking(deps.db, reference) : undefined;
}

/** The 404 page every booking route answers for a missing booking or a wrong token. */
export function bookingNotFound(deps: RouteDeps, req: Request, res: Response): void {
  const context = pageContext(deps, req, res);
  const page = (
    <ErrorPage
      context={context}
      status={404}
      code="ORDER_NOT_FOUND"
      requestId={String(res.getHeader("x-request-id") ?? "")}
    />
  );
  sendHtml(res, 404, renderPage(page));
}
