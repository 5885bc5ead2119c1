/**
 * @module
 * The first-manager command as shipped (the built script, in a process of its own): it creates
 * the manager and prints a link that sets the account up, refuses a second manager, re-issues the
 * link of a manager not set up yet (the old one stops working), and explains its arguments.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { consoleClient } from "../test-support/console-staff";
import { startTestApp, type TestApp } from "../test-support/test-app";

const SCRIPT = join(__dirname, "..", "..", "dist", "console", "create-manager.js");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe("npm run console:create-manager", () => {
  let directory: string;
  let databaseUrl: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "create-manager-"));
    // A directory that does not exist yet: the command creates it, as the app does.
    databaseUrl = `sqlite:${join(directory, "data", "rental-car.db")}`;
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function run(args: readonly string[], consoleUrl = "https://admin.rental.example"): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], {
        env: {
          PATH: process.env.PATH ?? "",
          DATABASE_URL: databaseUrl,
          CONSOLE_PUBLIC_URL: consoleUrl,
        },
      });
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

  const linkIn = (stdout: string) => /(https?:\/\/\S+\/enrol\/[\w-]{43})\s/.exec(stdout)?.[1];

  it("explains its arguments", async () => {
    const answer = await run(["--email", "boss@example.com"]);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain("usage: npm run console:create-manager -- --email");
  }, 30_000);

  it("creates the first manager with a link that sets the account up, once", async () => {
    const first = await run(["--email", "Boss@Example.com", "--name", "Boss Person"]);
    expect(first.code).toBe(0);
    const firstLink = linkIn(first.stdout);
    expect(firstLink).toMatch(/^https:\/\/admin\.rental\.example\/enrol\//);
    expect(first.stdout).toContain("boss@example.com");

    const second = await run(["--email", "other@example.com", "--name", "Other"]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("A manager account already exists");

    const again = await run(["--email", "boss@example.com", "--name", "Boss Person"]);
    expect(again.code).toBe(0);
    const link = linkIn(again.stdout) ?? "";
    expect(link).not.toBe(firstLink);

    let app: TestApp | undefined;
    try {
      app = await startTestApp({ databaseUrl });
      const path = (url: string | undefined) => new URL(url ?? "").pathname;
      expect((await consoleClient(app).get(path(firstLink))).status).toBe(404);
      const client = consoleClient(app);
      expect((await client.get(path(link))).status).toBe(303);
      expect((await client.get("/enrol")).html).toContain("Boss Person");
      const staff = await app.db.selectFrom("rc_staff").selectAll().execute();
      expect(staff.map((member) => [member.email, member.role, member.status])).toEqual([
        ["boss@example.com", "manager", "invited"],
      ]);
      const audit = await app.db.selectFrom("rc_staff_audit").select("action").execute();
      expect(audit.map((row) => row.action)).toEqual([
        "create_first_manager",
        "create_first_manager",
      ]);
    } finally {
      await app?.close();
    }
  }, 60_000);
});
