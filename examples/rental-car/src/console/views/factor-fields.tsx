/**
 * @module
 * The password and code fields, the same on every form that asks for them (sign-in, set-up, and
 * the re-authentication before money moves or factors change), so browsers and password managers
 * fill them the same way everywhere.
 */
import type { ConsoleTexts } from "../console-texts";

/** The current password. */
export function PasswordField(props: { readonly texts: ConsoleTexts }) {
  return (
    <label>
      {props.texts.password}
      <input
        type="password"
        name="password"
        required
        maxLength={1024}
        autocomplete="current-password"
      />
    </label>
  );
}

/** A 6-digit code from the authenticator app (a space in the middle is accepted). */
export function CodeField(props: { readonly texts: ConsoleTexts }) {
  return (
    <label>
      {props.texts.code}
      <input
        name="code"
        required
        inputmode="numeric"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        autocomplete="one-time-code"
      />
    </label>
  );
}

/** Password and a fresh code, with why they are asked again. */
export function Reauth(props: { readonly texts: ConsoleTexts; readonly hint: string }) {
  return (
    <>
      <p class="hint">{props.hint}</p>
      <PasswordField texts={props.texts} />
      <CodeField texts={props.texts} />
    </>
  );
}
