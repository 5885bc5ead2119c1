/**
 * @module
 * The audit log table: who, what, on what, when, from where, the result and the change.
 */
import type { StaffAuditTable } from "../../db/app-tables";
import { formatTokyoDateTime } from "../../web/format";
import type { ConsoleTexts } from "../console-texts";
import { ConsoleLayout, type ConsolePageContext } from "./console-layout";

/** The audit log page. */
export function AuditPage(props: {
  readonly context: ConsolePageContext & { readonly texts: ConsoleTexts };
  readonly rows: readonly StaffAuditTable[];
  readonly olderHref: string | undefined;
}) {
  const { context } = props;
  const { texts, lang } = context;
  return (
    <ConsoleLayout context={context} title={texts.auditTitle}>
      <p class="hint">{texts.auditIntro}</p>
      <div class="scroll">
        <table id="audit">
          <thead>
            <tr>
              <th>{texts.when}</th>
              <th>{texts.who}</th>
              <th>{texts.what}</th>
              <th>{texts.target}</th>
              <th>{texts.result}</th>
              <th>{texts.from}</th>
              <th>{texts.change}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id}>
                <td>{formatTokyoDateTime(row.at, lang)}</td>
                <td>{row.staff_email}</td>
                <td>{row.action}</td>
                <td class="mono">{row.target}</td>
                <td>{texts.outcome[row.outcome]}</td>
                <td class="mono">{row.ip}</td>
                <td>
                  {row.before_json !== null && <pre>{`- ${row.before_json}`}</pre>}
                  {row.after_json !== null && <pre>{`+ ${row.after_json}`}</pre>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.olderHref !== undefined && <a href={props.olderHref}>{texts.older}</a>}
    </ConsoleLayout>
  );
}
