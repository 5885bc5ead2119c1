/**
 * @module
 * Error pages: the status's text in the page language, the request id for support, nothing else
 * (no stack, no input echoed back).
 */
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** An error page. */
export function ErrorPage(props: {
  context: PageContext;
  status: number;
  message: string;
  requestId: string;
}) {
  const texts = TEXTS[props.context.lang];
  return (
    <Layout
      context={props.context}
      title={props.status === 404 ? texts.pageNotFound : texts.errorTitle}
    >
      <p class="problem">{props.message}</p>
      <p class="request-id">
        {props.status} · {props.requestId}
      </p>
      <p>
        <a href="/">{texts.home}</a>
      </p>
    </Layout>
  );
}
