import { describe, expect, it } from "@jest/globals";
import request from "supertest";
import { captureLogs } from "./test-support/log-capture";
import { recommendedApp } from "./test-support/recommended-app";
import { createShop } from "./test-support/shop";
import { postWebhook } from "./test-support/webhook-request";

describe("the recommended mounting order, end to end", () => {
  it("takes a shopper from the form to the PSP and back, with the webhook in between", async () => {
    const logs = captureLogs();
    const shop = createShop();
    const { app, orders } = recommendedApp(shop, logs.logger);

    const page = await request(app).get("/checkout");
    expect(page.headers["content-security-policy"]).toContain(
      "form-action 'self' https://pay.fake.test",
    );
    expect(page.headers["cache-control"]).toBe("no-store");

    const started = await request(app)
      .post("/checkout?next=https://evil.example/")
      .set("Sec-Fetch-Site", "same-origin")
      .type("form")
      .send("car=compact&total=1");
    expect(started.status).toBe(303);
    expect(started.headers.location).toMatch(/^https:\/\/pay\.fake\.test\/pay\//);

    const [token, orderRef] = [...orders.tokens.entries()][0] ?? ["", ""];
    const attempt = await shop.payments.getStatus({ orderRef });
    expect(attempt?.amount.amount).toBe(5000);
    const sessionId = attempt?.providerSessionId ?? "";
    expect((await request(app).get(`/checkout/return?t=${token}`)).body.status).toBe("pending");

    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const webhook = await postWebhook(app, delivery);
    expect(webhook.status).toBe(200);

    const back = await request(app).get(`/checkout/return?t=${token}&session_id=${sessionId}`);
    expect(back.body).toEqual({ status: "paid" });
    expect(shop.paid).toEqual([orderRef]);
    expect(logs.text()).not.toContain(String(delivery.headers["webhook-signature"]).slice(3));
  });

  it("refuses cross-site posts, card numbers and stray paths", async () => {
    const { app } = recommendedApp(createShop());
    const cross = await request(app)
      .post("/checkout")
      .set("Sec-Fetch-Site", "cross-site")
      .set("Accept", "application/json")
      .type("form")
      .send("car=compact");
    expect([cross.status, cross.body.error.code]).toEqual([403, "CROSS_SITE_REQUEST_REFUSED"]);
    const card = await request(app)
      .post("/checkout")
      .set("Sec-Fetch-Site", "same-origin")
      .set("Accept", "application/json")
      .type("form")
      .send("car=compact&notes=4242 4242 4242 4242");
    expect([card.status, card.body.error.code]).toEqual([400, "CARD_DATA_DETECTED"]);
    const env = await request(app).get("/.env").set("Accept", "application/json");
    expect([env.status, env.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("accepts a form post with the token from a client that sends no origin headers", async () => {
    const { app } = recommendedApp(createShop());
    const page = await request(app).get("/checkout");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const cookie = String(page.headers["set-cookie"]).split(";")[0] ?? "";
    const response = await request(app)
      .post("/checkout")
      .set("Cookie", cookie)
      .type("form")
      .send(`car=compact&_csrf=${encodeURIComponent(token)}`);
    expect(response.status).toBe(303);
  });
});
