import { describeStoreContract } from "@linkpay/core/contract-tests";
import { createJournalStore } from "./journal-store";

describeStoreContract("benchmark journal store", async () => ({ store: createJournalStore() }));
