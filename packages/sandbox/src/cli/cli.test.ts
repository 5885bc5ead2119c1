import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import * as z from "zod";
import { postForm } from "../test/hosted-page-client";
import { sessionParams, stripeClient } from "../test/start-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../test/webhook-receiver";

const CLI = join(__dirname, "..", "..", "dist", "cli.js");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const listing = z.object({ data: z.array(z.looseObject({ id: z.string() })) });

/** The `data` of a printed `{ data: [...] }` answer. */
function listOf(stdout: string) {
  return listing.parse(JSON.parse(stdout)).data;
}

function run(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function waitForOrigin(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no origin printed: ${output}`)), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

describe("linkpay-sandbox CLI (built dist/cli.js)", () => {
  let server: ChildProcessWithoutNullStreams;
  let origin: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    if (!existsSync(CLI)) {
      throw new Error(
        `${CLI} is missing: build it first with \`npx tsc -b packages/sandbox\` (npm test does).`,
      );
    }
    receiver = await startWebhookReceiver();
    server = spawn(process.execPath, [
      CLI,
      "--port",
      "0",
      "--webhook-url",
      receiver.url,
      "--webhook-secret",
      receiver.secret,
      "--merchant-name",
      "CLI Rentals",
    ]);
    origin = await waitForOrigin(server);
  });
  afterAll(async () => {
    if (server !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await receiver?.close();
  });

  it("serves the API and delivers signed webhooks", async () => {
    const stripe = stripeClient(Number(new URL(origin).port));
    const session = await stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["konbini"] }),
    );
    expect(session.url).toBe(`${origin}/c/pay/${session.id}`);
    await postForm(`${origin}/c/pay/${session.id}/konbini`, {});

    const paid = await run(["konbini", "paid", session.id, "--url", origin]);
    expect(paid).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(paid.stdout)).toMatchObject({ id: session.id, paymentStatus: "paid" });
    await receiver.waitFor(6);
    expect(receiver.received.map((delivery) => delivery.event?.type)).toEqual(
      expect.arrayContaining([
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
      ]),
    );

    const sessions = listOf((await run(["sessions", "--url", origin])).stdout);
    expect(sessions[0]).toMatchObject({ id: session.id, status: "complete" });
    const deliveries = listOf(
      (await run(["deliveries", "--url", origin, "--session", session.id])).stdout,
    );
    expect(deliveries).toHaveLength(6);
  });

  it("sets faults and resends deliveries", async () => {
    const set = await run(["faults", "--url", origin, "--json", '{"duplicate":2}']);
    expect(JSON.parse(set.stdout)).toEqual({ duplicate: 2 });
    const cleared = await run(["faults", "--url", origin, "--json", "{}"]);
    expect(JSON.parse(cleared.stdout)).toEqual({});
    const [first] = listOf((await run(["deliveries", "--url", origin])).stdout);
    const resent = await run(["resend", first?.id ?? "", "--url", origin]);
    expect(JSON.parse(resent.stdout)).toMatchObject({ resendOf: first?.id });
  });

  it("exits 1 when the sandbox refuses or cannot be reached, 2 on usage errors", async () => {
    const missing = await run(["konbini", "paid", "cs_test_missing", "--url", origin]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "sandbox answered 404: No such checkout.session: 'cs_test_missing'",
    );
    const unreachable = await run(["sessions", "--url", "http://127.0.0.1:9"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("cannot reach the sandbox");
    const usage = await run(["konbini", "maybe", "cs_test_1"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('konbini needs "paid" or "expired"');
  });

  it("refuses to listen on 0.0.0.0 without --allow-non-loopback", async () => {
    const refused = await run(["--host", "0.0.0.0", "--port", "0"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Refusing to listen on 0.0.0.0");
  });

  it("prints help", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("linkpay-sandbox konbini paid|expired <session_id>");
  });
});
