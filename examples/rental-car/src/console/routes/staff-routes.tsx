/**
 * @module
 * Staff management, managers only: the accounts, inviting one (its one-time set-up link is shown
 * once), disabling and enabling (disabling ends its sessions), ending every session of an
 * account, a new set-up link for an account not yet set up, and a reset (lost authenticator):
 * factors and passkeys dropped, sessions ended, a new set-up link.
 */
import { type Request, type Response, Router } from "express";
import type { StaffRole } from "../../db/app-tables";
import {
  auditAction,
  type ConsoleRouteDeps,
  consoleContext,
  consoleTexts,
  formField,
  requireManager,
  sendConsolePage,
  signedIn,
} from "../console-deps";
import { endSessionsOf } from "../console-sessions";
import {
  findStaffById,
  inviteStaff,
  listStaff,
  renewEnrolment,
  resetStaff,
  StaffError,
  setStaffStatus,
} from "../staff-accounts";
import { renderConsolePage } from "../views/console-layout";
import { StaffPage } from "../views/staff-page";

/** Routes under `/staff`. */
export function staffRoutes(deps: ConsoleRouteDeps): Router {
  const router = Router();
  router.use("/staff", requireManager(deps));

  async function page(
    req: Request,
    res: Response,
    status: number,
    notice?: { readonly ok: boolean; readonly text: string; readonly link?: string | undefined },
  ) {
    const staff = await listStaff(deps.db);
    const view = (
      <StaffPage context={consoleContext(deps, req, res)} staff={staff} notice={notice} />
    );
    sendConsolePage(res, status, renderConsolePage(view));
  }

  const enrolLink = (token: string) => new URL(`/enrol/${token}`, deps.publicOrigin).href;

  router.get("/staff", (req, res) => page(req, res, 200));

  router.post("/staff", async (req, res) => {
    const session = signedIn(res);
    const { texts } = consoleTexts(req, res);
    const role: StaffRole = formField(req, "role") === "manager" ? "manager" : "staff";
    const now = deps.now();
    try {
      const { staff, enrolmentToken } = await inviteStaff(deps.db, {
        email: formField(req, "email"),
        name: formField(req, "name"),
        role,
        now,
      });
      await auditAction(deps, req, session.staff, {
        action: "invite_staff",
        target: staff.email,
        after: { name: staff.name, role: staff.role },
      });
      return page(req, res, 201, {
        ok: true,
        text: texts.enrolmentLink(staff.name),
        link: enrolLink(enrolmentToken),
      });
    } catch (error) {
      if (!(error instanceof StaffError)) throw error;
      const text =
        error.code === "EMAIL_TAKEN"
          ? texts.emailTaken
          : error.code === "INVALID_EMAIL"
            ? texts.invalidEmail
            : texts.invalidName;
      return page(req, res, error.code === "EMAIL_TAKEN" ? 409 : 400, { ok: false, text });
    }
  });

  router.post("/staff/:id/:action", async (req, res) => {
    const session = signedIn(res);
    const { texts } = consoleTexts(req, res);
    const target = await findStaffById(deps.db, String(req.params.id));
    const action = String(req.params.action);
    if (
      target === undefined ||
      !["disable", "enable", "end-sessions", "new-link", "reset"].includes(action)
    ) {
      return page(req, res, 404, { ok: false, text: texts.notFound });
    }
    if (target.id === session.staff.id && (action === "disable" || action === "reset")) {
      return page(req, res, 409, { ok: false, text: texts.notYourself });
    }
    const now = deps.now();
    let link: string | undefined;
    let after: unknown;
    if (action === "disable" || action === "enable") {
      await setStaffStatus(deps.db, target.id, action === "disable" ? "disabled" : "active", now);
      const ended = action === "disable" ? await endSessionsOf(deps.db, target.id, now) : 0;
      after = { status: action === "disable" ? "disabled" : "active", sessionsEnded: ended };
    } else if (action === "end-sessions") {
      after = { sessionsEnded: await endSessionsOf(deps.db, target.id, now) };
    } else if (action === "reset") {
      const ended = await endSessionsOf(deps.db, target.id, now);
      link = enrolLink(await resetStaff(deps.db, target.id, now));
      after = { status: "invited", factorsRemoved: true, sessionsEnded: ended, newLink: true };
    } else {
      if (target.status !== "invited")
        return page(req, res, 409, { ok: false, text: texts.notFound });
      link = enrolLink(await renewEnrolment(deps.db, target.id, now));
      after = { newLink: true };
    }
    await auditAction(deps, req, session.staff, {
      action: `staff_${action.replace("-", "_")}`,
      target: target.email,
      before: { status: target.status },
      after,
    });
    return page(req, res, 200, {
      ok: true,
      text: link === undefined ? texts.done : texts.enrolmentLink(target.name),
      link,
    });
  });

  return router;
}
