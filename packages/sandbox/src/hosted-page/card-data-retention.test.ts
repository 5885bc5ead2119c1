import { describe, expect, it } from "@jest/globals";
import { findCardNumbers, type Logger } from "@linkpay/core";
import { TEST_CARDS } from "../cards/test-cards";
import { getPage, locationOf, postForm, submitCard } from "../test/hosted-page-client";
import { sessionParams, startSandbox, TEST_KEY } from "../test/start-sandbox";
import { startWebhookReceiver } from "../test/webhook-receiver";

const TYPED = [
  TEST_CARDS.success,
  TEST_CARDS.genericDecline,
  TEST_CARDS.insufficientFunds,
  TEST_CARDS.threeDSecure,
  "5555555555554444",
  "4242424242424241",
];

describe("no full card number is kept anywhere", () => {
  it("leaves none in objects, events, webhooks, the delivery log or the logs", async () => {
    const lines: unknown[] = [];
    const logger: Logger = {
      info: (fields, message) => lines.push({ fields, message }),
      warn: (fields, message) => lines.push({ fields, message }),
      error: (fields, message) => lines.push({ fields, message }),
    };
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      logger,
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
    });
    try {
      const sessionIds: string[] = [];
      for (const number of TYPED) {
        const session = await fixture.stripe.checkout.sessions.create(sessionParams());
        sessionIds.push(session.id);
        const response = await submitCard(fixture.origin, session.id, {
          number: number.replace(/(\d{4})/g, "$1 "),
        });
        if (response.status === 303 && locationOf(response).includes("/3ds/")) {
          await postForm(`${fixture.origin}${locationOf(response)}`, { outcome: "pass" });
        }
        expect(await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text()).not.toContain(
          number,
        );
      }
      await fixture.sandbox.whenDeliveriesSettled();

      const stored = {
        sessions: await Promise.all(
          sessionIds.map((id) =>
            fixture.stripe.checkout.sessions.retrieve(id, {
              expand: ["payment_intent.latest_charge", "line_items"],
            }),
          ),
        ),
        events: await fixture.stripe.events.list({ limit: 100 }),
        operatorSessions: await (
          await fetch(`${fixture.origin}/_sandbox/sessions`, {
            headers: { Authorization: `Bearer ${TEST_KEY}` },
          })
        ).json(),
        deliveries: fixture.sandbox.deliveries(),
        webhooks: receiver.received.map((delivery) => delivery.rawBody),
        logs: lines,
      };
      const everything = JSON.stringify(stored);
      expect(stored.events.data.length).toBeGreaterThan(10);
      expect(lines.length).toBeGreaterThan(10);
      expect(findCardNumbers(stored)).toEqual([]);
      for (const number of TYPED) expect(everything).not.toContain(number);
      expect(everything).toContain('"last4":"4242"');
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });
});
