import { once } from "node:events";
import { afterEach, describe, expect, it } from "@jest/globals";
import { SMTPServer } from "smtp-server";
import { configRefusal } from "../test/config-refusal";
import type { PatrolAlert } from "./patrol-alert";
import { smtpSink } from "./smtp-sink";

const USER = "patrol-mailer";
const PASSWORD = "s3cret-smtp-pass";

const alert: PatrolAlert = {
  runId: "run-42",
  site: "https://shop.example",
  at: new Date("2026-12-01T09:00:00Z"),
  verdict: "critical",
  findings: [
    {
      severity: "warning",
      code: "HEADER_REMOVED",
      where: "/book",
      subject: "strict-transport-security",
      message: "The HSTS header is gone.",
    },
    {
      severity: "critical",
      code: "SCRIPT_ADDED",
      where: "/book",
      subject: "https://cdn.evil.example/skim.js",
      message: "A new script runs on the booking page.",
    },
  ],
};

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * A loopback SMTP server without TLS that accepts USER/PASSWORD and keeps each message. A refused
 * login echoes the credentials, as careless servers do, so masking is put to the test.
 */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error(`Invalid login ${auth.username}/${auth.password}`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom === false ? "" : mailFrom.address,
          to: rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  closers.push(close);
  return { port: address.port, received, close };
}

function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split("\r\n\r\n")[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
  return head
    .split("\r\n")
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

describe("smtpSink", () => {
  it("e-mails a plain-text alert, worst findings first", async () => {
    const smtp = await startSmtpServer();
    const sink = smtpSink({
      url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${smtp.port}`,
      from: "patrol@shop.example",
      to: ["ops@shop.example", "security@shop.example"],
    });
    expect(sink.name).toBe(`email smtp://127.0.0.1:${smtp.port}`);
    await sink.send(alert);

    expect(smtp.received).toHaveLength(1);
    const [mail = { from: "", to: [], raw: "" }] = smtp.received;
    expect(mail.from).toBe("patrol@shop.example");
    expect(mail.to).toEqual(["ops@shop.example", "security@shop.example"]);
    expect(headerOf(mail.raw, "Subject")).toBe(
      "[linkpay patrol] CRITICAL on https://shop.example: 2 findings",
    );
    expect(headerOf(mail.raw, "Content-Type")).toMatch(/^text\/plain/);
    const body = mail.raw.slice(mail.raw.indexOf("\r\n\r\n") + 4);
    expect(body).toContain("Run: run-42");
    const critical = body.indexOf("CRITICAL  SCRIPT_ADDED  /book");
    const warning = body.indexOf("WARNING  HEADER_REMOVED  /book");
    expect(critical).toBeGreaterThan(-1);
    expect(warning).toBeGreaterThan(critical);
    expect(body).toContain("A new script runs on the booking page.");
  });

  it("uses the configured subject prefix", async () => {
    const smtp = await startSmtpServer();
    await smtpSink({
      url: `smtp://127.0.0.1:${smtp.port}`,
      from: "patrol@shop.example",
      to: "ops@shop.example",
      subjectPrefix: "[staging]",
    }).send({ ...alert, verdict: "warning", findings: alert.findings.slice(0, 1) });
    expect(headerOf(smtp.received[0]?.raw ?? "", "Subject")).toBe(
      "[staging] WARNING on https://shop.example: 1 finding",
    );
  });

  it("reports a refused login without the credentials", async () => {
    const smtp = await startSmtpServer();
    const sink = smtpSink({
      url: `smtp://${USER}:wrong-${PASSWORD}@127.0.0.1:${smtp.port}`,
      from: "patrol@shop.example",
      to: "ops@shop.example",
    });
    const error = await sink.send(alert).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: "ALERT_REJECTED", retryable: false });
    expect(String(error)).toMatch(
      /could not send \(EAUTH\): Invalid login: 535 Invalid login \*\*\*\/\*\*\*$/,
    );
    expect(String(error)).not.toContain(PASSWORD);
    expect(String(error)).not.toContain(USER);
    expect(smtp.received).toHaveLength(0);
  });

  it("reports an unreachable server as try-again-later", async () => {
    const smtp = await startSmtpServer();
    await smtp.close();
    const sink = smtpSink({
      url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${smtp.port}`,
      from: "patrol@shop.example",
      to: "ops@shop.example",
    });
    const error = await sink.send(alert).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: "ALERT_UNAVAILABLE", retryable: true });
    expect(String(error)).not.toContain(PASSWORD);
  });

  it("checks its options at creation, naming the option and never the password", () => {
    const refused = (options: Parameters<typeof smtpSink>[0]) =>
      configRefusal(() => smtpSink(options));
    const base = { url: "smtps://u:p4ss@mail.example:465", from: "a@x.example", to: "b@x.example" };
    expect(refused(base)).toBe("accepted");
    const http = refused({ ...base, url: `https://u:${PASSWORD}@mail.example` });
    expect(http).toMatch(/option "url": must start with smtp:\/\/ or smtps:\/\//);
    expect(http).not.toContain(PASSWORD);
    expect(refused({ ...base, to: [] })).toMatch(/option "to"/);
    expect(refused({ ...base, from: " " })).toMatch(/option "from": must not be empty/);
  });
});
