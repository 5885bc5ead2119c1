import { createMemoryCspReportStore } from "../csp-reports";
import { createMemoryRateLimitStore } from "../rate-limits";
import { PAYMENT_EVENT_KINDS } from "../state-machine";
import { createMemoryStore } from "../store";
import { createFakeProvider } from "../testing";
import { describeCspReportStoreContract } from "./csp-report-store-contract";
import { describeProviderContract } from "./provider-contract";
import { describeRateLimitStoreContract } from "./rate-limit-store-contract";
import { describeStoreContract } from "./store-contract";

describeProviderContract("fake provider", async () => {
  const provider = createFakeProvider();
  return {
    provider,
    kinds: PAYMENT_EVENT_KINDS,
    reportsPendingPayment: true,
    async signedDelivery({ kind, session, refundedAmount }) {
      const pendingPayment =
        kind === "payment.pending"
          ? {
              method: "konbini" as const,
              expiresAt: new Date(Date.now() + 3 * 86_400_000),
              stores: [{ chain: "lawson", paymentCode: "123456789012" }],
            }
          : undefined;
      return provider.deliver({
        type: kind === "unhandled" ? "customer.updated" : kind,
        sessionId: session.providerSessionId,
        refundedAmount,
        pendingPayment,
      });
    },
    async settle({ session, status }) {
      provider.settle({ sessionId: session.providerSessionId, status });
    },
  };
});

describeStoreContract("memory store", async () => ({ store: createMemoryStore() }));

describeCspReportStoreContract("memory store", async ({ maxEntries }) => ({
  store: createMemoryCspReportStore({ maxEntries }),
}));

describeRateLimitStoreContract("memory store", async () => ({
  store: createMemoryRateLimitStore(),
}));
