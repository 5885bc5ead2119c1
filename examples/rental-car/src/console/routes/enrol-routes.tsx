/**
 * @module
 * Setting up an account from its one-time link: `GET /enrol/<token>` uses the token up at once
 * (so the link, which request logs may hold, is worthless afterwards) and starts a short
 * `enrolling` session with a new TOTP secret; `/enrol` shows it as a QR code and takes the password
 * and a first code. The account becomes active, and signed in, only when the code matches.
 */
import { type Request, type Response, Router } from "express";
import {
  auditAction,
  type ConsoleRouteDeps,
  consoleContext,
  consoleTexts,
  formField,
  sendConsolePage,
  sendMessage,
} from "../console-deps";
import { endSession, startSession } from "../console-sessions";
import { hashPassword, PASSWORD_MIN_LENGTH, passwordProblem } from "../passwords";
import { activateStaff, redeemEnrolment, setPendingTotpSecret } from "../staff-accounts";
import { matchTotp, newTotpSecret, totpEnrolment } from "../totp";
import { ConsoleLayout, renderConsolePage } from "../views/console-layout";
import { CodeField } from "../views/factor-fields";

/** Routes: `GET /enrol/:token`, `GET /enrol`, `POST /enrol`. */
export function enrolRoutes(deps: ConsoleRouteDeps): Router {
  const router = Router();

  router.get("/enrol/:token", async (req, res) => {
    const now = deps.now();
    const staff = await redeemEnrolment(deps.db, String(req.params.token), now);
    if (staff === undefined) {
      const { texts } = consoleTexts(req, res);
      return sendMessage(deps, req, res, {
        status: 404,
        title: texts.enrolTitle,
        message: texts.enrolLinkInvalid,
      });
    }
    // A new secret for each link: whoever saw an earlier QR code cannot use it.
    await setPendingTotpSecret(deps.db, staff.id, newTotpSecret(), now);
    const previous = res.locals.consoleSession;
    if (previous !== undefined) await endSession(deps.db, res, previous.idHash, now);
    await startSession(deps.db, res, {
      staffId: staff.id,
      stage: "enrolling",
      ip: req.ip ?? "",
      userAgent: req.get("user-agent") ?? "",
      now,
    });
    res.redirect(303, "/enrol");
  });

  async function enrolPage(req: Request, res: Response, status: number, problem?: string) {
    const session = res.locals.consoleSession;
    if (session?.stage !== "enrolling") {
      const { texts } = consoleTexts(req, res);
      return sendMessage(deps, req, res, {
        status: 404,
        title: texts.enrolTitle,
        message: texts.enrolLinkInvalid,
      });
    }
    const secret = session.staff.totp_secret;
    if (secret === null) throw new Error("an enrolling account has a pending TOTP secret");
    const { qrSvg } = await totpEnrolment({
      issuer: deps.totpIssuer,
      email: session.staff.email,
      secret,
    });
    const context = consoleContext(deps, req, res);
    const { texts } = context;
    const page = (
      <ConsoleLayout context={context} title={texts.enrolTitle}>
        {problem !== undefined && <p class="problem">{problem}</p>}
        <p>{texts.enrolIntro(session.staff.name)}</p>
        <form method="post" action="/enrol">
          <input type="hidden" name="_csrf" value={context.csrfToken} />
          <input type="hidden" name="email" autocomplete="username" value={session.staff.email} />
          <label>
            {texts.newPassword}
            <input
              type="password"
              name="password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={256}
              autocomplete="new-password"
            />
          </label>
          <label>
            {texts.confirmPassword}
            <input
              type="password"
              name="password2"
              required
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={256}
              autocomplete="new-password"
            />
          </label>
          <p class="hint">{texts.passwordHint}</p>
          <p>{texts.totpStep}</p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the QR code is an SVG made by the qrcode library from our own URI; no input in it. */}
          <div class="qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p>
            {texts.secretKey}:{" "}
            <span class="mono" id="totp-secret">
              {secret}
            </span>
          </p>
          <CodeField texts={texts} />
          <button type="submit">{texts.finishEnrolment}</button>
        </form>
      </ConsoleLayout>
    );
    sendConsolePage(res, status, renderConsolePage(page));
  }

  router.get("/enrol", (req, res) => enrolPage(req, res, 200));

  router.post("/enrol", async (req, res) => {
    const session = res.locals.consoleSession;
    if (session?.stage !== "enrolling") return enrolPage(req, res, 404);
    const { texts } = consoleTexts(req, res);
    const now = deps.now();
    const password = formField(req, "password");
    const problem = passwordProblem(password, { email: session.staff.email });
    if (problem !== undefined) return enrolPage(req, res, 400, texts.passwordProblems[problem]);
    if (password !== formField(req, "password2")) {
      return enrolPage(req, res, 400, texts.passwordProblems.mismatch);
    }
    const { staff } = session;
    const step =
      staff.totp_secret === null
        ? undefined
        : await matchTotp({
            secret: staff.totp_secret,
            code: formField(req, "code"),
            now,
            afterStep: 0,
          });
    if (step === undefined) return enrolPage(req, res, 400, texts.codeFailed);
    const activated = await activateStaff(deps.db, {
      staffId: staff.id,
      passwordHash: await hashPassword(password),
      totpStep: step,
      now,
    });
    await endSession(deps.db, res, session.idHash, now);
    if (!activated)
      return sendMessage(deps, req, res, {
        status: 409,
        title: texts.enrolTitle,
        message: texts.enrolLinkInvalid,
      });
    await auditAction(deps, req, staff, {
      action: "enrolled",
      target: staff.email,
      after: { factors: ["password", "totp"] },
    });
    await startSession(deps.db, res, {
      staffId: staff.id,
      stage: "signed_in",
      ip: req.ip ?? "",
      userAgent: req.get("user-agent") ?? "",
      now,
    });
    res.redirect(303, "/");
  });

  return router;
}
