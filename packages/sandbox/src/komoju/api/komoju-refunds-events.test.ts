import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  type KomojuFixture,
  startKomojuSandbox,
  submitKomojuCard,
} from "../../test/komoju-client";
import type { KomojuPaymentEvent, KomojuPaymentObject } from "../objects/komoju-shapes";
import type { KomojuErrorBody } from "./komoju-api-error";

interface EventList {
  readonly resource: "list";
  readonly data: KomojuPaymentEvent[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
  readonly last_page: number;
}

describe("KOMOJU payments, refunds and events", () => {
  let now = new Date("2026-12-07T10:00:00+09:00");
  let fixture: KomojuFixture;

  beforeAll(async () => {
    fixture = await startKomojuSandbox({ now: () => now });
  });
  afterAll(() => fixture.sandbox.close());

  const paidPayment = async (): Promise<KomojuPaymentObject> => {
    const session = await createKomojuSession(fixture);
    await submitKomojuCard(fixture.base, session.id);
    const paymentId = fixture.sandbox.komoju.sessions()[0]?.payment?.id ?? "";
    return (await fixture.api<KomojuPaymentObject>(`/payments/${paymentId}`)).json;
  };
  const refund = (paymentId: string, body: Record<string, unknown>, idempotencyKey?: string) =>
    fixture.api<KomojuPaymentObject & KomojuErrorBody>(`/payments/${paymentId}/refund`, {
      body,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });

  it("refunds in part (still captured) and then the rest (refunded), idempotently", async () => {
    const payment = await paidPayment();
    const partial = await refund(payment.id, { amount: 5_000, description: "one day less" }, "r-1");
    expect(partial.status).toBe(200);
    expect(partial.json).toMatchObject({
      status: "captured",
      amount_refunded: 5_000,
      refunds: [
        {
          resource: "refund",
          amount: 5_000,
          currency: "JPY",
          payment: payment.id,
          description: "one day less",
        },
      ],
    });
    const replay = await refund(payment.id, { amount: 5_000, description: "one day less" }, "r-1");
    expect(replay.json.refunds).toHaveLength(1);

    const rest = await refund(payment.id, {}, "r-2");
    expect(rest.json).toMatchObject({ status: "refunded", amount_refunded: 17_600 });
    expect(rest.json.refunds.map((item) => item.amount)).toEqual([5_000, 12_600]);

    const more = await refund(payment.id, { amount: 1 });
    expect(more.status).toBe(422);
    expect(more.json.error.code).toBe("invalid_status");
    const events = await fixture.api<EventList>("/events?per_page=3");
    expect(events.json.data.map((event) => event.type)).toEqual([
      "payment.refunded",
      "payment.refund.created",
      "payment.refund.created",
    ]);
  });

  it("refuses refunds above what is left, of unknown payments and of konbini payments", async () => {
    const payment = await paidPayment();
    const tooMuch = await refund(payment.id, { amount: 17_601 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.error).toMatchObject({ code: "invalid_parameter", param: "amount" });
    const negative = await refund(payment.id, { amount: -1 });
    expect(negative.json.error).toMatchObject({ code: "invalid_parameter", param: "amount" });
    expect((await refund("nope", {})).status).toBe(404);

    const konbini = await createKomojuSession(fixture);
    await postForm(`${fixture.base}/sessions/${konbini.id}/konbini`, { store: "family-mart" });
    fixture.sandbox.komoju.markKonbiniPaid(konbini.id);
    const konbiniPayment = fixture.sandbox.komoju.sessions()[0]?.payment?.id ?? "";
    const refused = await refund(konbiniPayment, {});
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("refund_request_required");
  });

  it("lists events newest first with pages and a time window, and retrieves one", async () => {
    now = new Date("2026-12-08T10:00:00+09:00");
    const first = await createKomojuSession(fixture);
    await submitKomojuCard(fixture.base, first.id);
    now = new Date("2026-12-09T10:00:00+09:00");
    const second = await createKomojuSession(fixture);
    await submitKomojuCard(fixture.base, second.id);

    const all = await fixture.api<EventList>("/events?per_page=1&page=1");
    expect(all.json).toMatchObject({ resource: "list", page: 1, per_page: 1 });
    expect(all.json.last_page).toBe(all.json.total);
    expect(all.json.data[0]?.data.session).toBe(second.id);

    const window = await fixture.api<EventList>(
      `/events?start_time=${encodeURIComponent("2026-12-08T00:00:00+09:00")}&end_time=${encodeURIComponent("2026-12-08T23:59:59+09:00")}`,
    );
    expect(window.json.total).toBe(1);
    expect(window.json.data[0]?.data.session).toBe(first.id);

    const id = window.json.data[0]?.id ?? "";
    expect((await fixture.api<KomojuPaymentEvent>(`/events/${id}`)).json.id).toBe(id);
    expect((await fixture.api<KomojuErrorBody>("/events/nope")).status).toBe(404);
    expect((await fixture.api<KomojuErrorBody>("/events?per_page=1000")).status).toBe(422);
  });
});
