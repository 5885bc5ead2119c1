import { expect, it } from "@jest/globals";
import { runQuickstart } from "./quickstart";

it("runs the quickstart story: one fulfilment, forged and changed callbacks refused", async () => {
  const lines: string[] = [];
  const { paid, attempt } = await runQuickstart((line) => lines.push(line));
  expect(paid).toEqual(["RC-20261125-0001"]);
  expect(attempt?.status).toBe("paid");
  const text = lines.join("\n");
  expect(text).toContain("refused: CARD_DATA_DETECTED (400)");
  expect(text).toContain("refused: WEBHOOK_SIGNATURE_INVALID (400)");
  expect(text).toMatch(
    /outcomes: (processed|duplicate), (processed|duplicate), (processed|duplicate)/,
  );
  expect(text.match(/processed/g)).toHaveLength(1);
  expect(text).toContain("outcome: rejected (amount_mismatch)");
  expect(text).toContain("￥17,600");
  expect(text).not.toContain("4242 4242 4242 4242");
});
