/**
 * @module
 * Error pages: what went wrong and what to do, in the page language (the route's own message, else
 * one chosen by the problem's code or status: the library's messages are English), the request id for support, nothing else (no stack, no input echoed back).
 */
import { TEXTS, type Texts } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** The shopper's message for a problem: by its code, else by its status. */
export function errorMessage(texts: Texts, code: string | undefined, status: number): string {
  const byCode = code === undefined ? undefined : texts.errorMessages[code];
  if (byCode !== undefined) return byCode;
  if (status === 404) return texts.errorMessages.NOT_FOUND ?? "";
  if (status === 429) return texts.errorMessages.RATE_LIMITED ?? "";
  // 503 is linkpay's "try again later" (a store or provider that is down for now).
  if (status === 503) return texts.errorMessages.UNAVAILABLE ?? "";
  if (status >= 500) return texts.errorMessages.INTERNAL_ERROR ?? "";
  return texts.errorMessages.OTHER ?? "";
}

/** An error page. */
export function ErrorPage(props: {
  context: PageContext;
  status: number;
  /** The problem's stable code (e.g. `NOT_FOUND`, `CARD_DATA_DETECTED`). */
  code?: string | undefined;
  /** A message already in the page's language; else one is chosen by `code` and `status`. */
  message?: string | undefined;
  requestId: string;
}) {
  const texts = TEXTS[props.context.lang];
  return (
    <Layout
      context={props.context}
      title={props.status === 404 ? texts.pageNotFound : texts.errorTitle}
    >
      <p class="problem">{props.message ?? errorMessage(texts, props.code, props.status)}</p>
      <p class="request-id">{texts.requestIdLine(props.status, props.requestId)}</p>
      <p>
        <a href="/">{texts.home}</a>
      </p>
    </Layout>
  );
}
