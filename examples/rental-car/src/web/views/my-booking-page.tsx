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
      {props.notFound && <p class="problem">{texts.notFound}</p>}
      <form method="post" action="/my-booking">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label>
          {texts.reference}
          <input name="reference" required maxLength={20} value={props.reference} />
        </label>
        <label>
          {texts.email}
          <input type="email" name="email" required maxLength={254} />
        </label>
        <button type="submit">{texts.show}</button>
      </form>
    </Layout>
  );
}
