/**
 * @module
 * "Find my booking": rate-limited, and the same answer for a wrong reference as for a wrong
 * e-mail. A match redirects to the booking's tokenized link; a miss is the form again with a
 * message, as an ordinary page (200): the lookup worked, it found nothing, and a 404 would make
 * browsers log a console error.
 */
import { rateLimit } from "@linkpay/express";
import { Router } from "express";
import { isReference } from "../../bookings/booking-reference";
import { findBooking } from "../../bookings/bookings";
import { bookingHref, limiterOptions, pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { renderPage } from "../views/layout";
import { MyBookingPage } from "../views/my-booking-page";

function field(body: unknown, name: string): string {
  const value: unknown = typeof body === "object" && body !== null ? Reflect.get(body, name) : "";
  return typeof value === "string" ? value.trim() : "";
}

/** Routes: `GET /my-booking`, `POST /my-booking`. */
export function myBookingRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get("/my-booking", (req, res) => {
    const page = (
      <MyBookingPage
        context={pageContext(deps, req, res)}
        csrfToken={deps.csrf.generateToken(req, res)}
        notFound={false}
      />
    );
    sendHtml(res, 200, renderPage(page));
  });

  router.post(
    "/my-booking",
    rateLimit(
      "my-booking",
      { windowMs: 15 * 60_000, limit: 10 },
      limiterOptions(deps, "my-booking", deps.rateLimits?.lookup),
    ),
    async (req, res) => {
      const reference = field(req.body, "reference").toUpperCase();
      const email = field(req.body, "email").toLowerCase();
      const booking = isReference(reference) ? await findBooking(deps.db, reference) : undefined;
      if (booking !== undefined && booking.customer_email.toLowerCase() === email) {
        return res.redirect(303, bookingHref(deps, booking.reference));
      }
      const page = (
        <MyBookingPage
          context={pageContext(deps, req, res)}
          csrfToken={deps.csrf.generateToken(req, res)}
          notFound={true}
          reference={reference.slice(0, 20)}
        />
      );
      sendHtml(res, 200, renderPage(page));
    },
  );

  return router;
}
