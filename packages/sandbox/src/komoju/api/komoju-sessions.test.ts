import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  KOMOJU_KEY,
  type KomojuFixture,
  komojuSessionBody,
  startKomojuSandbox,
} from "../../test/komoju-client";
import type { KomojuSessionObject } from "../objects/komoju-shapes";
import type { KomojuErrorBody } from "./komoju-api-error";

describe("KOMOJU sessions API", () => {
  let fixture: KomojuFixture;

  beforeAll(async () => {
    fixture = await startKomojuSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  const create = (body: Record<string, unknown> = komojuSessionBody(), idempotencyKey?: string) =>
    fixture.api<KomojuSessionObject>("/sessions", {
      body,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });

  it("creates a pending session shaped as KOMOJU's and retrieves it", async () => {
    const body = komojuSessionBody({ payment_data: { external_order_num: "RC-9-abcdefgh" } });
    const created = await create(body);
    expect(created.status).toBe(200);
    const session = created.json;
    expect(session).toMatchObject({
      resource: "session",
      mode: "payment",
      amount: 17_600,
      currency: "JPY",
      session_url: `${fixture.base}/sessions/${session.id}`,
      return_url: "http://127.0.0.1:9/return?from=komoju",
      default_locale: "en",
      email: "taro@example.com",
      payment_methods: [{ type: "credit_card" }, { type: "konbini" }, { type: "paypay" }],
      status: "pending",
      expired: false,
      completed_at: null,
      cancelled_at: null,
      metadata: { linkpay_order_ref: "RC-0001", linkpay_attempt_id: "att_12345678" },
      payment_data: { external_order_num: "RC-9-abcdefgh", capture: "auto" },
      line_items: [{ description: "Compact car, 1 day", amount: 8_800, quantity: 2 }],
      payment: null,
    });
    expect(session.id).toMatch(/^[0-9a-z]{25}$/);
    expect(Date.parse(session.expires_at) - Date.parse(session.created_at)).toBe(3_600_000);

    const retrieved = await fixture.api<KomojuSessionObject>(`/sessions/${session.id}`);
    expect(retrieved.json).toEqual(session);
  });

  it("refuses missing keys, live keys and unknown ids in KOMOJU's error shape", async () => {
    const missing = await fixture.api<KomojuErrorBody>("/sessions", {
      body: komojuSessionBody(),
      key: null,
    });
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({ code: "unauthorized", param: null });
    const live = await fixture.api<KomojuErrorBody>("/sessions/x", { key: "sk_live_abcdefgh" });
    expect(live.status).toBe(401);
    const unknown = await fixture.api<KomojuErrorBody>("/sessions/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("accepts only komoju.secretKey when it is set", async () => {
    const strict = await startKomojuSandbox({ komoju: { secretKey: KOMOJU_KEY } });
    try {
      expect((await strict.api("/sessions", { body: komojuSessionBody() })).status).toBe(200);
      const other = await strict.api("/sessions", {
        body: komojuSessionBody(),
        key: "sk_test_someone_else",
      });
      expect(other.status).toBe(401);
    } finally {
      await strict.sandbox.close();
    }
  });

  it.each([
    [{ amount: undefined }, 400, "missing_parameter", "amount"],
    [{ amount: 0 }, 422, "invalid_parameter", "amount"],
    [{ amount: 10.5 }, 422, "invalid_parameter", "amount"],
    [{ currency: "EUR" }, 422, "invalid_parameter", "currency"],
    [{ return_url: "/relative" }, 422, "invalid_parameter", "return_url"],
    [{ return_url: "javascript:alert(1)" }, 422, "invalid_parameter", "return_url"],
    [{ expires_in_seconds: 86_401 }, 422, "invalid_parameter", "expires_in_seconds"],
    [{ payment_types: ["bank_transfer"] }, 422, "invalid_parameter", "payment_types.0"],
    [{ payment_types: [] }, 422, "invalid_parameter", "payment_types"],
    [{ payment_data: {} }, 400, "missing_parameter", "payment_data.external_order_num"],
    [
      { payment_data: { external_order_num: "x".repeat(51) } },
      422,
      "invalid_parameter",
      "payment_data.external_order_num",
    ],
    [
      { payment_data: { external_order_num: "RC-1-deadline", payment_deadline: "tomorrow" } },
      422,
      "invalid_parameter",
      "payment_data.payment_deadline",
    ],
    [
      {
        payment_data: {
          external_order_num: "RC-1-past",
          payment_deadline: "2001-01-01T00:00:00Z",
        },
      },
      422,
      "invalid_parameter",
      "payment_data.payment_deadline",
    ],
  ])("refuses %j with %i %s naming the parameter", async (override, status, code, param) => {
    const answer = await fixture.api<KomojuErrorBody>("/sessions", {
      body: komojuSessionBody(override),
    });
    expect(answer.status).toBe(status);
    expect(answer.json.error).toMatchObject({ code, param });
  });

  it("accepts USD, lower-case currencies and refuses a reused external_order_num", async () => {
    const usd = await create(komojuSessionBody({ currency: "usd", amount: 1_999 }));
    expect(usd.json.currency).toBe("USD");
    const body = komojuSessionBody({ payment_data: { external_order_num: "RC-2-once" } });
    expect((await create(body)).status).toBe(200);
    const again = await fixture.api<KomojuErrorBody>("/sessions", {
      body: { ...body, amount: 100 },
    });
    expect(again.status).toBe(422);
    expect(again.json.error.param).toBe("payment_data.external_order_num");
  });

  it("replays X-KOMOJU-IDEMPOTENCY, refuses the key with another body and a too-long key", async () => {
    const body = komojuSessionBody();
    const first = await create(body, "idem-create-1");
    const replay = await create(body, "idem-create-1");
    expect(replay.status).toBe(200);
    expect(replay.json.id).toBe(first.json.id);
    expect(fixture.sandbox.komoju.sessions().filter((s) => s.id === first.json.id)).toHaveLength(1);

    const other = await fixture.api<KomojuErrorBody>("/sessions", {
      body: { ...body, amount: 1 },
      idempotencyKey: "idem-create-1",
    });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");

    const tooLong = await fixture.api<KomojuErrorBody>("/sessions", {
      body: komojuSessionBody(),
      idempotencyKey: "k".repeat(101),
    });
    expect(tooLong.status).toBe(422);
  });

  it("cancels a pending session once; a second cancel is a 422", async () => {
    const { json: session } = await create();
    const cancelled = await fixture.api<KomojuSessionObject>(`/sessions/${session.id}/cancel`, {
      method: "POST",
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: "cancelled", payment: null });
    expect(cancelled.json.cancelled_at).not.toBeNull();
    const again = await fixture.api<KomojuErrorBody>(`/sessions/${session.id}/cancel`, {
      method: "POST",
    });
    expect(again.status).toBe(422);
  });

  it("answers unknown routes and malformed JSON in KOMOJU's shape", async () => {
    const unknown = await fixture.api<KomojuErrorBody>("/customers");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    const response = await fetch(`${fixture.base}/api/v1/sessions`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${KOMOJU_KEY}:`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
  });
});

describe("KOMOJU session expiry", () => {
  it("marks a session expired at expires_at without sending any webhook", async () => {
    let now = new Date("2026-12-01T00:00:00Z");
    const fixture = await startKomojuSandbox({ now: () => now });
    try {
      const { json: session } = await fixture.api<KomojuSessionObject>("/sessions", {
        body: komojuSessionBody({ expires_in_seconds: 60 }),
      });
      now = new Date("2026-12-01T00:00:59Z");
      expect((await fixture.api<KomojuSessionObject>(`/sessions/${session.id}`)).json.expired).toBe(
        false,
      );
      now = new Date("2026-12-01T00:01:00Z");
      const expired = await fixture.api<KomojuSessionObject>(`/sessions/${session.id}`);
      expect(expired.json).toMatchObject({ status: "pending", expired: true, payment: null });
      expect(fixture.sandbox.komoju.deliveries()).toEqual([]);
      const events = await fixture.api<{ total: number }>("/events");
      expect(events.json.total).toBe(0);
    } finally {
      await fixture.sandbox.close();
    }
  });
});
