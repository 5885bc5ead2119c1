/**
 * @module
 * Sign-in in two steps: e-mail and password, then a TOTP code. Every attempt counts against the
 * account and the address; the 7th attempt after 6 failures is refused until the window ends,
 * right password or not. The same answer for an unknown e-mail as for a wrong password, in the
 * same time. After the code, the pending session is ended and a new one (new cookie) starts.
 */
import { type Request, type Response, Router } from "express";
import { formatTokyoDateTime } from "../../web/format";
import { recordStaffAction } from "../audit-log";
import { completeSignIn } from "../complete-sign-in";
import {
  auditAction,
  type ConsoleRouteDeps,
  consoleContext,
  consoleTexts,
  formField,
  sendConsolePage,
} from "../console-deps";
import { endSession, startSession } from "../console-sessions";
import { passkeysOf } from "../passkeys";
import { verifyPassword } from "../passwords";
import { countSignInAttempt } from "../sign-in-throttle";
import { consumeTotpStep, findStaffByEmail } from "../staff-accounts";
import { matchTotp } from "../totp";
import { ConsoleLayout, renderConsolePage } from "../views/console-layout";
import { CodeField, PasswordField } from "../views/factor-fields";

/** Routes: `/sign-in`, `/sign-in/code`, `/sign-out`. */
export function signInRoutes(deps: ConsoleRouteDeps): Router {
  const router = Router();

  function signInPage(
    req: Request,
    res: Response,
    status: number,
    problem?: string | undefined,
    email = "",
  ) {
    const context = consoleContext(deps, req, res);
    const { texts } = context;
    const page = (
      <ConsoleLayout context={context} title={texts.signInTitle}>
        {problem !== undefined && <p class="problem">{problem}</p>}
        <form method="post" action="/sign-in">
          <input type="hidden" name="_csrf" value={context.csrfToken} />
          <label>
            {texts.email}
            <input
              type="email"
              name="email"
              required
              maxLength={254}
              autocomplete="username"
              value={email}
            />
          </label>
          <PasswordField texts={texts} />
          <button type="submit">{texts.next}</button>
        </form>
      </ConsoleLayout>
    );
    sendConsolePage(res, status, renderConsolePage(page));
  }

  router.get("/sign-in", (req, res) => {
    if (res.locals.consoleSession?.stage === "signed_in") return res.redirect(303, "/");
    signInPage(req, res, 200);
  });

  router.post("/sign-in", async (req, res) => {
    const now = deps.now();
    const email = formField(req, "email").toLowerCase().slice(0, 254);
    const password = formField(req, "password").slice(0, 1024);
    const ip = req.ip ?? "";
    const { texts, lang } = consoleTexts(req, res);
    const count = await countSignInAttempt(deps.signInLimits, { email, ip, now });
    if (count.locked) {
      await recordStaffAction(deps.db, {
        staffId: null,
        staffEmail: email,
        action: "sign_in_locked",
        outcome: "refused",
        ip,
        at: now,
      });
      return signInPage(
        req,
        res,
        429,
        texts.locked(formatTokyoDateTime(count.until.toISOString(), lang)),
        email,
      );
    }
    const staff = await findStaffByEmail(deps.db, email);
    const passwordOk = await verifyPassword(staff?.password_hash ?? null, password);
    if (staff === undefined || !passwordOk || staff.status !== "active") {
      await recordStaffAction(deps.db, {
        staffId: staff?.id ?? null,
        staffEmail: email,
        action: "sign_in_password",
        outcome: "refused",
        ip,
        at: now,
      });
      return signInPage(req, res, 401, texts.signInFailed, email);
    }
    const pending = res.locals.consoleSession;
    if (pending !== undefined) await endSession(deps.db, res, pending.idHash, now);
    await startSession(deps.db, res, {
      staffId: staff.id,
      stage: "second_factor",
      ip,
      userAgent: req.get("user-agent") ?? "",
      now,
    });
    res.redirect(303, "/sign-in/code");
  });

  async function codePage(
    req: Request,
    res: Response,
    status: number,
    problem?: string | undefined,
  ) {
    const pending = res.locals.consoleSession;
    const hasPasskey =
      pending !== undefined && (await passkeysOf(deps.db, pending.staff.id)).length > 0;
    const context = consoleContext(deps, req, res);
    const { texts } = context;
    const page = (
      <ConsoleLayout context={context} title={texts.codeTitle}>
        {problem !== undefined && <p class="problem">{problem}</p>}
        <p>{texts.codeIntro}</p>
        <form method="post" action="/sign-in/code">
          <input type="hidden" name="_csrf" value={context.csrfToken} />
          <CodeField texts={texts} />
          <button type="submit">{texts.signIn}</button>
        </form>
        {hasPasskey && (
          <>
            <p>{texts.or}</p>
            <button
              type="button"
              id="passkey-sign-in"
              hidden
              data-failed={texts.passkeySignInFailed}
            >
              {texts.usePasskey}
            </button>
            <p id="passkey-status" role="status" />
            <script src="/assets/webauthn.js" />
            <script src="/assets/console-passkeys.js" />
          </>
        )}
      </ConsoleLayout>
    );
    sendConsolePage(res, status, renderConsolePage(page));
  }

  router.get("/sign-in/code", (req, res) => {
    if (res.locals.consoleSession?.stage !== "second_factor") return res.redirect(303, "/sign-in");
    return codePage(req, res, 200);
  });

  router.post("/sign-in/code", async (req, res) => {
    const pending = res.locals.consoleSession;
    if (pending?.stage !== "second_factor") return res.redirect(303, "/sign-in");
    const now = deps.now();
    const ip = req.ip ?? "";
    const { staff } = pending;
    const { texts, lang } = consoleTexts(req, res);
    const count = await countSignInAttempt(deps.signInLimits, { email: staff.email, ip, now });
    const step =
      count.locked || staff.totp_secret === null
        ? undefined
        : await matchTotp({
            secret: staff.totp_secret,
            code: formField(req, "code"),
            now,
            afterStep: staff.totp_last_step,
          });
    if (step === undefined || !(await consumeTotpStep(deps.db, staff.id, step))) {
      await auditAction(deps, req, staff, {
        action: count.locked ? "sign_in_locked" : "sign_in_code",
        outcome: "refused",
      });
      if (count.locked) {
        await endSession(deps.db, res, pending.idHash, now);
        return signInPage(
          req,
          res,
          429,
          texts.locked(formatTokyoDateTime(count.until.toISOString(), lang)),
        );
      }
      return codePage(req, res, 401, texts.codeFailed);
    }
    await completeSignIn(deps, req, res, { pending, factor: "totp", now });
    res.redirect(303, "/");
  });

  router.post("/sign-out", async (req, res) => {
    const session = res.locals.consoleSession;
    const now = deps.now();
    if (session !== undefined) {
      await endSession(deps.db, res, session.idHash, now);
      if (session.stage === "signed_in") {
        await auditAction(deps, req, session.staff, {
          action: "sign_out",
        });
      }
    }
    res.redirect(303, "/sign-in");
  });

  return router;
}
