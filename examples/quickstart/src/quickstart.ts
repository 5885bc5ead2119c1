/**
 * @module
 * The quickstart flow as a function, so the console demo and its test run the same code.
 */
import {
  type CheckoutAttempt,
  createMemoryStore,
  createPayments,
  formatMoney,
  isLinkpayError,
  type Logger,
} from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";

/** One line of the demo's story. */
export type Say = (line: string) => void;

function booking(orderRef: string) {
  return {
    orderRef,
    currency: "JPY",
    total: 17_600,
    lineItems: [
      { name: "Compact car, New Chitose Airport, 2 days", unitAmount: 7_700, quantity: 2 },
      { name: "Child seat", unitAmount: 1_100, quantity: 2 },
    ],
    customerEmail: "hanako@example.com",
    locale: "ja" as const,
  };
}

function codeOf(error: unknown): string {
  return isLinkpayError(error) ? `${error.code} (${error.status})` : String(error);
}

/** Runs the whole story; returns what the merchant's hooks saw. */
export async function runQuickstart(
  say: Say,
  logger?: Logger,
): Promise<{ paid: string[]; attempt: CheckoutAttempt | null }> {
  const provider = createFakeProvider();
  const paid: string[] = [];
  const payments = createPayments({
    providers: [provider],
    store: createMemoryStore(),
    urls: {
      success: "https://rental.example/bookings/{ORDER_REF}/return",
      cancel: "https://rental.example/bookings/{ORDER_REF}",
    },
    logger,
    hooks: {
      onPaid: ({ attempt }) => {
        paid.push(attempt.orderRef);
        say(
          `  onPaid → booking ${attempt.orderRef} confirmed (runs once, inside the store transaction)`,
        );
      },
    },
  });

  say("1. The server prices the booking from its catalogue and starts a hosted checkout.");
  const started = await payments.startCheckout(booking("RC-20261125-0001"));
  const total = started.attempt.amount;
  say(`   total ${formatMoney(total, "ja-JP")} / ${formatMoney(total, "en-US")}`);
  say(`   303 See Other → ${started.redirectUrl} (origin checked against the provider's list)`);

  say("2. A double click reuses the same session instead of creating a second one.");
  const again = await payments.startCheckout(booking("RC-20261125-0001"));
  say(`   reused: ${again.reused}, same URL: ${again.redirectUrl === started.redirectUrl}`);

  say("3. A request carrying a card number is refused before anything is stored.");
  try {
    await payments.startCheckout({
      ...booking("RC-CARD"),
      customerEmail: undefined,
      metadata: { note: "4242 4242 4242 4242" },
    });
  } catch (error) {
    say(`   refused: ${codeOf(error)}`);
  }

  const sessionId = started.attempt.providerSessionId ?? "";
  say("4. A forged callback (signed with the wrong secret) is not authentic.");
  const forged = provider.deliver({
    type: "payment.succeeded",
    sessionId,
    secret: "whsec_Zm9yZ2VyLWZvcmdlci1mb3JnZXItZm9yZ2VyLTEyMw==",
  });
  try {
    await payments.handleWebhook({ provider: provider.id, ...forged });
  } catch (error) {
    say(`   refused: ${codeOf(error)}`);
  }

  say("5. The real callback arrives three times at once; the booking is confirmed once.");
  const delivery = provider.deliver({
    type: "payment.succeeded",
    sessionId,
    eventId: "evt_demo_paid",
  });
  const results = await Promise.all(
    [1, 2, 3].map(() => payments.handleWebhook({ provider: provider.id, ...delivery })),
  );
  say(`   outcomes: ${results.map((r) => r.outcome).join(", ")}`);

  say("6. A callback whose amount was changed never fulfils and raises an alert.");
  const other = await payments.startCheckout(booking("RC-20261125-0002"));
  const cheap = await payments.handleWebhook({
    provider: provider.id,
    ...provider.deliver({
      type: "payment.succeeded",
      sessionId: other.attempt.providerSessionId ?? "",
      amount: 1,
    }),
  });
  say(`   outcome: ${cheap.outcome}${cheap.outcome === "rejected" ? ` (${cheap.reason})` : ""}`);

  const attempt = await payments.getStatus({ orderRef: "RC-20261125-0001" });
  say(`7. Status of RC-20261125-0001: ${attempt?.status}; hooks ran for: ${paid.join(", ")}`);
  return { paid, attempt };
}
