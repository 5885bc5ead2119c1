import { describe, expect, it } from "@jest/globals";
import { findCardNumbers, type Logger } from "@linkpay/core";
import { TEST_CARDS } from "../../cards/test-cards";
import { getPage, locationOf, postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  retrieveKomojuSession,
  startKomojuSandbox,
  submitKomojuCard,
} from "../../test/komoju-client";
import { startKomojuReceiver } from "../../test/komoju-webhook-receiver";

const TYPED = [
  TEST_CARDS.success,
  TEST_CARDS.genericDecline,
  TEST_CARDS.insufficientFunds,
  TEST_CARDS.threeDSecure,
  "5555555555554444",
  "4242424242424241",
];

describe("the KOMOJU page keeps no full card number anywhere", () => {
  it("leaves none in sessions, events, webhooks, the delivery log or the logs", async () => {
    const lines: unknown[] = [];
    const logger: Logger = {
      info: (fields, message) => lines.push({ fields, message }),
      warn: (fields, message) => lines.push({ fields, message }),
      error: (fields, message) => lines.push({ fields, message }),
    };
    const receiver = await startKomojuReceiver();
    const fixture = await startKomojuSandbox({
      logger,
      komoju: { webhooks: [{ url: receiver.url, secret: receiver.secret }] },
    });
    try {
      const sessionIds: string[] = [];
      for (const number of TYPED) {
        const session = await createKomojuSession(fixture);
        sessionIds.push(session.id);
        const response = await submitKomojuCard(fixture.base, session.id, {
          number: number.replace(/(\d{4})/g, "$1 "),
        });
        if (locationOf(response).includes("/3ds/")) {
          await postForm(`${fixture.origin}${locationOf(response)}`, { outcome: "pass" });
        }
        expect(await (await getPage(session.session_url)).text()).not.toContain(number);
      }
      await fixture.sandbox.whenDeliveriesSettled();
      const stored = {
        sessions: await Promise.all(sessionIds.map((id) => retrieveKomojuSession(fixture, id))),
        events: (await fixture.api("/events?per_page=100")).json,
        operator: fixture.sandbox.komoju.sessions(),
        deliveries: fixture.sandbox.komoju.deliveries(),
        webhooks: receiver.received.map((delivery) => delivery.rawBody),
        logs: lines,
      };
      const everything = JSON.stringify(stored);
      expect(receiver.received.length).toBeGreaterThan(5);
      expect(findCardNumbers(stored)).toEqual([]);
      for (const number of TYPED) expect(everything).not.toContain(number);
      expect(everything).toContain('"last_four_digits":"4242"');
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });
});
