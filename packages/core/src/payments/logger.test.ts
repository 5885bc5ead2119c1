/**
 * @module
 * Tests for the redacting logger: every written line is redacted, a line the inner logger would
 * drop is dropped before its fields are even read, and alerts fall back to `error`.
 */
import { describe, expect, it } from "@jest/globals";
import { type Logger, redactingLogger, silentLogger } from "./logger";

const CARD = "4242 4242 4242 4242";

/** A pino-like logger: methods use `this`, and `level` decides what is written. */
class ListLogger implements Logger {
  readonly lines: { level: string; fields: object }[] = [];
  constructor(
    private readonly enabled: readonly string[],
    withAlert: boolean,
  ) {
    if (withAlert) this.alert = (fields) => this.lines.push({ level: "alert", fields });
  }
  alert?: (fields: object, message: string) => void;
  info(fields: object) {
    this.lines.push({ level: "info", fields });
  }
  warn(fields: object) {
    this.lines.push({ level: "warn", fields });
  }
  error(fields: object) {
    this.lines.push({ level: "error", fields });
  }
  isLevelEnabled(level: string) {
    return this.enabled.includes(level);
  }
}

/** Fields that count how often redaction read them. */
function countedFields() {
  const reads = { count: 0 };
  const fields = {
    get note() {
      reads.count += 1;
      return `card ${CARD}`;
    },
  };
  return { fields, reads };
}

describe("redactingLogger", () => {
  it("redacts the fields of every line it writes", () => {
    const inner = new ListLogger(["info", "warn", "error", "alert"], true);
    const logger = redactingLogger(inner);
    logger.info({ note: CARD }, "m");
    logger.warn({ nested: { key: "sk_live_abcdef123" } }, "m");
    logger.error({ list: [CARD] }, "m");
    logger.alert({ note: CARD }, "m");
    expect(inner.lines.map((line) => line.level)).toEqual(["info", "warn", "error", "alert"]);
    const written = JSON.stringify(inner.lines);
    expect(written).not.toContain("4242 4242");
    expect(written).not.toContain("abcdef123");
    expect(written).toContain("[card ****4242]");
  });

  it("drops a line the inner logger would drop, before reading its fields", () => {
    const inner = new ListLogger(["warn", "error"], false);
    const logger = redactingLogger(inner);
    const dropped = countedFields();
    logger.info(dropped.fields, "m");
    expect(dropped.reads.count).toBe(0);
    const kept = countedFields();
    logger.warn(kept.fields, "m");
    expect(kept.reads.count).toBe(1);
    expect(inner.lines).toEqual([{ level: "warn", fields: { note: "card [card ****4242]" } }]);
    expect(logger.isLevelEnabled("info")).toBe(false);
    expect(logger.isLevelEnabled("warn")).toBe(true);
  });

  it("writes alerts to `error` without an alert level, gated by the level it writes to", () => {
    const errorsOnly = new ListLogger(["error"], false);
    redactingLogger(errorsOnly).alert({ alert: "amount_mismatch" }, "m");
    expect(errorsOnly.lines).toEqual([{ level: "error", fields: { alert: "amount_mismatch" } }]);

    const alertOff = new ListLogger(["error"], true);
    redactingLogger(alertOff).alert({ alert: "amount_mismatch" }, "m");
    expect(alertOff.lines).toEqual([]);
  });

  it("writes everything when the inner logger cannot say which levels it keeps", () => {
    const lines: object[] = [];
    const plain: Logger = {
      info: (fields) => lines.push(fields),
      warn: (fields) => lines.push(fields),
      error: (fields) => lines.push(fields),
    };
    const logger = redactingLogger(plain);
    logger.info({ note: CARD }, "m");
    logger.alert({ note: CARD }, "m");
    expect(lines).toEqual([{ note: "[card ****4242]" }, { note: "[card ****4242]" }]);
  });

  it("costs nothing over the silent logger: no field is read", () => {
    const logger = redactingLogger(silentLogger);
    const { fields, reads } = countedFields();
    logger.info(fields, "m");
    logger.warn(fields, "m");
    logger.error(fields, "m");
    logger.alert(fields, "m");
    expect(reads.count).toBe(0);
  });
});
