/**
 * @module
 * What the renderers need besides a record: the other records it links to and the origin the
 * hosted pages live at.
 */
import type { SandboxState } from "../state/sandbox-state";

/** The context objects are rendered in. */
export interface RenderContext {
  readonly state: SandboxState;
  /** The sandbox's public origin, e.g. `http://127.0.0.1:4242`. */
  readonly origin: string;
}
