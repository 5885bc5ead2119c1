/**
 * @module
 * The staff list, the invitation form and, once, a new set-up link.
 */
import type { ConsoleTexts } from "../console-texts";
import type { Staff } from "../staff-accounts";
import { ConsoleLayout, type ConsolePageContext } from "./console-layout";

/** The staff management page. */
export function StaffPage(props: {
  readonly context: ConsolePageContext & { readonly texts: ConsoleTexts };
  readonly staff: readonly Staff[];
  readonly notice?:
    | { readonly ok: boolean; readonly text: string; readonly link?: string | undefined }
    | undefined;
}) {
  const { context, notice } = props;
  const { texts } = context;
  const action = (member: Staff, name: string, label: string, danger = false) => (
    <form class="inline" method="post" action={`/staff/${encodeURIComponent(member.id)}/${name}`}>
      <input type="hidden" name="_csrf" value={context.csrfToken} />
      <button type="submit" class={danger ? "danger" : "secondary"}>
        {label}
      </button>
    </form>
  );
  return (
    <ConsoleLayout context={context} title={texts.staffTitle}>
      {notice !== undefined && (
        <div class={notice.ok ? "ok" : "problem"} role="status">
          <p>{notice.text}</p>
          {notice.link !== undefined && (
            <p class="mono" id="enrolment-link">
              {notice.link}
            </p>
          )}
        </div>
      )}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>{texts.name}</th>
              <th>{texts.email}</th>
              <th>{texts.role}</th>
              <th>{texts.status}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.staff.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{texts.roles[member.role]}</td>
                <td>{texts.staffStatus[member.status]}</td>
                <td>
                  {member.status === "active" && action(member, "end-sessions", texts.endSessions)}{" "}
                  {member.status === "active" &&
                    member.id !== context.staff?.id &&
                    action(member, "disable", texts.disable, true)}{" "}
                  {member.status !== "invited" &&
                    member.id !== context.staff?.id &&
                    action(member, "reset", texts.resetFactors, true)}
                  {member.status === "disabled" && action(member, "enable", texts.enable)}
                  {member.status === "invited" && action(member, "new-link", texts.newLink)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{texts.inviteTitle}</h2>
      <form method="post" action="/staff">
        <input type="hidden" name="_csrf" value={context.csrfToken} />
        <label>
          {texts.name}
          <input name="name" required maxLength={100} />
        </label>
        <label>
          {texts.email}
          <input type="email" name="email" required maxLength={254} />
        </label>
        <label>
          {texts.role}
          <select name="role">
            <option value="staff">{texts.roles.staff}</option>
            <option value="manager">{texts.roles.manager}</option>
          </select>
        </label>
        <button type="submit">{texts.invite}</button>
      </form>
    </ConsoleLayout>
  );
}
