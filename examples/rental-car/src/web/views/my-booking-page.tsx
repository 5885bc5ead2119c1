/**
 * @module
 * "Find my booking": reference and e-mail. A wrong reference and a wrong e-mail get the same
 * answer, so the form cannot be used to learn which references exist.
 */
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** The lookup form. */
export function MyBookingPage(props: {
  context: PageContext;
  csrfToken: string;
  notFound: boolean;
  reference?: string | undefined;
}) {
  const texts = TEXTS[props.context.lang];
  return (
    <Layout context={props.context} title={texts.myBookingTitle}>
      <p>{texts.myBookingIntro}</p>
      {props.notFound && (
        <div class="problem not-found" role="alert">
          <p>{texts.notFound}</p>
          <p>{texts.notFoundHint}</p>
        </div>
      )}
      <form method="post" action="/my-booking">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label>
          {texts.reference}
          <input
            name="reference"
            required
            maxLength={20}
            autocapitalize="characters"
            spellcheck={false}
            placeholder="RC-XXXXXXXX"
            value={props.reference}
          />
        </label>
        <label>
          {texts.email}
          <input type="email" name="email" autocomplete="email" required maxLength={254} />
        </label>
        <button type="submit">{texts.show}</button>
      </form>
    </Layout>
  );
}
