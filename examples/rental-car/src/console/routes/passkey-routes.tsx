/**
 * @module
 * Passkeys: the account page (list, add after re-authentication, remove after
 * re-authentication), signing in with a passkey instead of a code, and the two scripts this
 * needs, served only to a request with a live session (a pending one on the code page).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import express, { type Request, type Response, Router } from "express";
import { formatTokyoDateTime } from "../../web/format";
import { completeSignIn } from "../complete-sign-in";
import {
  auditAction,
  type ConsoleRouteDeps,
  consoleContext,
  consoleTexts,
  formField,
  sendConsolePage,
  signedIn,
} from "../console-deps";
import { recentlyReauthenticated, setChallenge, takeChallenge } from "../console-sessions";
import { PASSKEY_SCRIPT } from "../passkey-script";
import {
  authenticationOptions,
  passkeysOf,
  type RelyingParty,
  registerPasskey,
  registrationOptions,
  verifyPasskey,
} from "../passkeys";
import { reauthenticate } from "../reauthenticate";
import { countSignInAttempt } from "../sign-in-throttle";
import { ConsoleLayout, renderConsolePage } from "../views/console-layout";
import { CodeField, PasswordField } from "../views/factor-fields";

/** The browser half of @simplewebauthn, as its package ships it (a self-contained bundle). */
function webauthnBundle(): string {
  const entry = require.resolve("@simplewebauthn/browser");
  return readFileSync(join(dirname(entry), "..", "dist", "bundle", "index.umd.min.js"), "utf8");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The routes that any live session may use (assets, passkey sign-in). */
export function passkeySignInRoutes(deps: ConsoleRouteDeps, rp: RelyingParty): Router {
  const router = Router();
  const bundle = webauthnBundle();
  const json = express.json({ limit: "20kb" });

  router.get(["/assets/webauthn.js", "/assets/console-passkeys.js"], (req, res, next) => {
    if (res.locals.consoleSession === undefined) return next();
    res
      .set("Cache-Control", "private, max-age=300")
      .type("text/javascript")
      .send(req.path === "/assets/webauthn.js" ? bundle : PASSKEY_SCRIPT);
  });

  router.post("/sign-in/passkey/options", json, async (_req, res) => {
    const pending = res.locals.consoleSession;
    if (pending?.stage !== "second_factor")
      return res.status(401).json({ error: "sign in with the password first" });
    const passkeys = await passkeysOf(deps.db, pending.staff.id);
    if (passkeys.length === 0) return res.status(404).json({ error: "no passkey" });
    const { options, challenge } = await authenticationOptions(rp, passkeys);
    await setChallenge(deps.db, pending.idHash, challenge);
    res.set("Cache-Control", "no-store").json(options);
  });

  router.post("/sign-in/passkey", json, async (req, res) => {
    const pending = res.locals.consoleSession;
    if (pending?.stage !== "second_factor")
      return res.status(401).json({ error: "sign in with the password first" });
    const now = deps.now();
    const ip = req.ip ?? "";
    const { staff } = pending;
    const count = await countSignInAttempt(deps.signInLimits, { email: staff.email, ip, now });
    const challenge = await takeChallenge(deps.db, pending.idHash);
    const ok =
      !count.locked &&
      challenge !== undefined &&
      isObject(req.body) &&
      (await verifyPasskey(deps.db, rp, {
        passkeys: await passkeysOf(deps.db, staff.id),
        response: req.body as unknown as AuthenticationResponseJSON,
        challenge,
        now,
      }));
    if (!ok) {
      await auditAction(deps, req, staff, {
        action: count.locked ? "sign_in_locked" : "sign_in_passkey",
        outcome: "refused",
      });
      return res.status(count.locked ? 429 : 401).json({ error: "passkey refused" });
    }
    await completeSignIn(deps, req, res, { pending, factor: "passkey", now });
    res.json({ redirect: "/" });
  });

  return router;
}

/** The account page and passkey management (signed in). */
export function accountRoutes(deps: ConsoleRouteDeps, rp: RelyingParty): Router {
  const router = Router();
  const json = express.json({ limit: "20kb" });

  async function page(
    req: Request,
    res: Response,
    status: number,
    message?: { ok: boolean; text: string },
  ) {
    const session = signedIn(res);
    const passkeys = await passkeysOf(deps.db, session.staff.id);
    const context = consoleContext(deps, req, res);
    const { texts, lang } = context;
    const view = (
      <ConsoleLayout context={context} title={texts.accountTitle}>
        {message !== undefined && (
          <p class={message.ok ? "ok" : "problem"} role="status">
            {message.text}
          </p>
        )}
        <p>{texts.passkeysIntro}</p>
        {passkeys.length === 0 ? (
          <p id="passkeys-none">{texts.passkeysNone}</p>
        ) : (
          <ul id="passkeys">
            {passkeys.map((passkey) => (
              <li key={passkey.id}>
                <span class="mono">{passkey.id.slice(0, 12)}…</span>{" "}
                {texts.passkeyAdded(formatTokyoDateTime(passkey.created_at, lang))}
                {passkey.last_used_at !== null &&
                  ` / ${texts.passkeyLastUsed(formatTokyoDateTime(passkey.last_used_at, lang))}`}
                <form
                  method="post"
                  action={`/account/passkeys/${encodeURIComponent(passkey.id)}/delete`}
                >
                  <input type="hidden" name="_csrf" value={context.csrfToken} />
                  <PasswordField texts={texts} />
                  <CodeField texts={texts} />
                  <button type="submit" class="danger">
                    {texts.removePasskey}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h2>{texts.addPasskey}</h2>
        <form
          method="post"
          action="/account/passkeys/options"
          id="add-passkey-form"
          data-failed={texts.passkeyFailed}
        >
          <input type="hidden" name="_csrf" value={context.csrfToken} />
          <p class="hint">{texts.addPasskeyHint}</p>
          <PasswordField texts={texts} />
          <CodeField texts={texts} />
          <button type="submit">{texts.addPasskey}</button>
          <p id="passkey-status" role="status" />
        </form>
        <script src="/assets/webauthn.js" />
        <script src="/assets/console-passkeys.js" />
      </ConsoleLayout>
    );
    sendConsolePage(res, status, renderConsolePage(view));
  }

  router.get("/account", (req, res) => page(req, res, 200));

  router.post("/account/passkeys/options", async (req, res) => {
    const session = signedIn(res);
    const ok = await reauthenticate(deps, session, req, {
      password: formField(req, "password"),
      code: formField(req, "code"),
      action: "add_passkey",
    });
    if (!ok) return res.status(401).json({ error: "re-authentication failed" });
    const { options, challenge } = await registrationOptions(
      rp,
      session.staff,
      await passkeysOf(deps.db, session.staff.id),
    );
    await setChallenge(deps.db, session.idHash, challenge);
    res.set("Cache-Control", "no-store").json(options);
  });

  router.post("/account/passkeys", json, async (req, res) => {
    const session = signedIn(res);
    const now = deps.now();
    const challenge = await takeChallenge(deps.db, session.idHash);
    const fresh = await recentlyReauthenticated(deps.db, session.idHash, now);
    const passkey =
      challenge === undefined || !fresh || !isObject(req.body)
        ? undefined
        : await registerPasskey(deps.db, rp, {
            staffId: session.staff.id,
            response: req.body as unknown as RegistrationResponseJSON,
            challenge,
            now,
          });
    await auditAction(deps, req, session.staff, {
      action: "add_passkey",
      target: session.staff.email,
      outcome: passkey === undefined ? "refused" : "ok",
      after: passkey === undefined ? undefined : { passkey: passkey.id },
    });
    if (passkey === undefined) return res.status(400).json({ error: "the passkey did not verify" });
    res.status(201).json({ added: passkey.id });
  });

  router.post("/account/passkeys/:id/delete", async (req, res) => {
    const session = signedIn(res);
    const { texts } = consoleTexts(req, res);
    const ok = await reauthenticate(deps, session, req, {
      password: formField(req, "password"),
      code: formField(req, "code"),
      action: "remove_passkey",
    });
    if (!ok) return page(req, res, 401, { ok: false, text: texts.reauthFailed });
    const removed = await deps.db
      .deleteFrom("rc_passkeys")
      .where("id", "=", String(req.params.id))
      .where("staff_id", "=", session.staff.id)
      .executeTakeFirst();
    await auditAction(deps, req, session.staff, {
      action: "remove_passkey",
      target: session.staff.email,
      outcome: removed.numDeletedRows > 0n ? "ok" : "refused",
      before: { passkey: String(req.params.id) },
    });
    return page(req, res, 200, { ok: true, text: texts.done });
  });

  return router;
}
