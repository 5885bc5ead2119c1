import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  type KomojuFixture,
  retrieveKomojuSession,
  startKomojuSandbox,
} from "../../test/komoju-client";
import { TEST_KEY } from "../../test/start-sandbox";

describe("KOMOJU operator endpoints and handle", () => {
  let fixture: KomojuFixture;
  const call = (path: string, method = "GET", key = TEST_KEY) =>
    fetch(`${fixture.origin}/_sandbox/komoju${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}` },
    });

  beforeAll(async () => {
    fixture = await startKomojuSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  it("lists sessions newest first and requires the operator key", async () => {
    const first = await createKomojuSession(fixture);
    const second = await createKomojuSession(fixture, { payment_types: ["konbini"] });
    const body = await (await call("/sessions")).json();
    expect(body).toMatchObject({
      data: [
        {
          id: second.id,
          status: "pending",
          expired: false,
          paymentTypes: ["konbini"],
          url: `${fixture.base}/sessions/${second.id}`,
          payment: null,
        },
        { id: first.id, amount: 17_600, currency: "JPY" },
      ],
    });
    expect(fixture.sandbox.komoju.sessions()[0]?.id).toBe(second.id);
    expect((await fetch(`${fixture.origin}/_sandbox/komoju/sessions`)).status).toBe(401);
  });

  it("expires a pending session (no event) or an unpaid slip (payment.expired)", async () => {
    const pending = await createKomojuSession(fixture);
    const expired = await call(`/sessions/${pending.id}/expire`, "POST");
    expect(await expired.json()).toMatchObject({
      id: pending.id,
      status: "pending",
      expired: true,
    });
    expect((await retrieveKomojuSession(fixture, pending.id)).expired).toBe(true);
    const again = await call(`/sessions/${pending.id}/expire`, "POST");
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: "invalid_status" } });

    const konbini = await createKomojuSession(fixture);
    await postForm(`${fixture.base}/sessions/${konbini.id}/konbini`, { store: "ministop" });
    expect(fixture.sandbox.komoju.expireSession(konbini.id)).toMatchObject({
      status: "completed",
      payment: { status: "expired", type: "konbini" },
    });
    const events = await fixture.api<{ data: { type: string; data: { session: string } }[] }>(
      "/events",
    );
    expect(
      events.json.data.filter((event) => event.data.session === konbini.id).map((e) => e.type),
    ).toEqual(["payment.expired", "payment.authorized"]);
    expect(() => fixture.sandbox.komoju.expireSession("missing")).toThrow(/not found/);
    expect((await call("/sessions/missing/expire", "POST")).status).toBe(404);
  });
});
