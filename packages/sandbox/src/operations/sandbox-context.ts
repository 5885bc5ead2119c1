/**
 * @module
 * What every sandbox operation works with: the records, the event log, the clock, the public
 * origin and the (redacting) logger.
 */
import type { Logger } from "@linkpay/core";
import type { Clock } from "../clock/clock";
import type { EventLog } from "../events/event-log";
import type { RenderContext } from "../objects/render-context";
import type { SandboxState } from "../state/sandbox-state";

/** The shared context of the sandbox's operations. */
export interface SandboxContext {
  readonly state: SandboxState;
  readonly events: EventLog;
  readonly clock: Clock;
  /** The public origin of the sandbox (known once it listens). */
  readonly origin: () => string;
  /** Already redacting: card numbers and secrets never reach the sink. */
  readonly logger: Logger;
}

/** The renderers' view of the context. */
export function renderContext(context: SandboxContext): RenderContext {
  return { state: context.state, origin: context.origin() };
}
