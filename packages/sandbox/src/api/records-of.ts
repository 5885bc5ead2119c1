/**
 * @module
 * The records an API request may see: those of the account its key belongs to.
 */
import type { Request } from "express";
import type { SandboxContext } from "../operations/sandbox-context";
import { AccountRecords } from "../state/account-records";
import { callerOf } from "./authenticate";

/** The calling account's view of the records (after `authenticate`). */
export function recordsOf(context: SandboxContext, req: Request): AccountRecords {
  return new AccountRecords(context.state, callerOf(req).account);
}
