import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { TEST_CARDS } from "../cards/test-cards";
import { getPage, locationOf, postForm, submitCard } from "../test/hosted-page-client";
import { inputOf, textOf } from "../test/page-fields";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

describe("the card form follows post/redirect/get", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  const openSession = async (locale: "en" | "ja" = "en") =>
    (await fixture.stripe.checkout.sessions.create(sessionParams({ locale }))).id;
  const pageOf = async (id: string) => {
    const page = await getPage(`${fixture.origin}/c/pay/${id}`);
    expect(page.status).toBe(200);
    return page.text();
  };

  it("answers a decline with 303 to the page, which shows the error once", async () => {
    const id = await openSession();
    const declined = await submitCard(fixture.origin, id, { number: TEST_CARDS.genericDecline });
    expect(declined.status).toBe(303);
    expect(locationOf(declined)).toBe(`/c/pay/${id}`);

    const first = await pageOf(id);
    expect(textOf(first, "card-problem")).toBe("Your card was declined.");
    const again = await pageOf(id);
    expect(again).not.toContain("Your card was declined.");
    expect(again).toContain('name="number"');
  });

  it("keeps expiry and name after a refusal, never the card number or CVC", async () => {
    const id = await openSession("ja");
    const refused = await submitCard(fixture.origin, id, {
      number: "4242 4242 4242 4241",
      exp: "12/30",
      cvc: "987",
      name: "YAMADA TARO",
    });
    expect(refused.status).toBe(303);
    const page = await pageOf(id);
    expect(inputOf(page, "exp").value).toBe("12/30");
    expect(inputOf(page, "name").value).toBe("YAMADA TARO");
    expect(inputOf(page, "number").value).toBeUndefined();
    expect(inputOf(page, "cvc").value).toBeUndefined();
    expect(page).not.toMatch(/4242 ?4242 ?4242 ?4241|987/);
    expect(inputOf(page, "number")["aria-invalid"]).toBe("true");
    expect(inputOf(page, "number")["aria-describedby"]).toBe("number-error");
    expect(textOf(page, "number-error")).toBe("カード番号が正しくありません。");
    expect(inputOf(await pageOf(id), "exp").value).toBeUndefined();
  });

  it("keeps the fields after a decline too", async () => {
    const id = await openSession();
    await submitCard(fixture.origin, id, {
      number: TEST_CARDS.insufficientFunds,
      exp: "1230",
      name: "Hanako Suzuki",
    });
    const page = await pageOf(id);
    expect(textOf(page, "card-problem")).toBe("Your card has insufficient funds.");
    expect(inputOf(page, "exp").value).toBe("1230");
    expect(inputOf(page, "name").value).toBe("Hanako Suzuki");
  });

  it.each(["1230", "12/30", "12 / 30", "12/2030", "１２／３０"])(
    "accepts the expiry %j",
    async (exp) => {
      const id = await openSession();
      const paid = await submitCard(fixture.origin, id, { exp });
      expect(locationOf(paid)).toBe(`http://127.0.0.1:9/return?session_id=${id}`);
    },
  );

  it.each([
    ["01/20", "Your card has expired. Check the expiry date."],
    ["13/30", "Enter the expiry as month / year, e.g. 12/30."],
  ])("refuses the expiry %j with a message next to the field", async (exp, message) => {
    const id = await openSession();
    expect(locationOf(await submitCard(fixture.origin, id, { exp }))).toBe(`/c/pay/${id}`);
    const page = await pageOf(id);
    expect(inputOf(page, "exp")["aria-describedby"]).toBe("exp-error");
    expect(textOf(page, "exp-error")).toBe(message);
    expect(inputOf(page, "exp").value).toBe(exp);
    expect(inputOf(page, "number")["aria-invalid"]).toBeUndefined();
  });

  it("returns a failed 3-D Secure to the page without the error in the URL", async () => {
    const id = await openSession();
    const challenge = locationOf(
      await submitCard(fixture.origin, id, { number: TEST_CARDS.threeDSecure }),
    );
    const failed = await postForm(`${fixture.origin}${challenge}`, { outcome: "fail" });
    expect(locationOf(failed)).toBe(`/c/pay/${id}`);
    expect(textOf(await pageOf(id), "card-problem")).toBe(
      "3-D Secure authentication failed. Please try another card.",
    );
    expect(await pageOf(id)).not.toContain("authentication failed");
  });

  it("sends a post to a paid session to the page that says it is paid", async () => {
    const id = await openSession();
    await submitCard(fixture.origin, id);
    const again = await submitCard(fixture.origin, id);
    expect(again.status).toBe(303);
    expect(locationOf(again)).toBe(`/c/pay/${id}`);
    expect(await pageOf(id)).toContain("Payment complete");
  });
});
