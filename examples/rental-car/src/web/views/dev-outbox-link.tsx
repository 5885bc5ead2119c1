/**
 * @module
 * The demo banner's link to the outbox page: the booking pages say an e-mail was sent, and in the
 * demo this is where it can be read.
 */
import { DEV_OUTBOX_PATH } from "../dev-outbox";
import type { Lang } from "../format";

const LINK_TEXT: Readonly<Record<Lang, string>> = {
  ja: "お客様宛てのメールはこちらで確認できます。",
  en: "Read the e-mails the demo would send.",
};

/** The link, after the banner's text. */
export function DevOutboxLink(props: { readonly lang: Lang }) {
  return (
    <>
      {" "}
      <a href={`${DEV_OUTBOX_PATH}?lang=${props.lang}`}>{LINK_TEXT[props.lang]}</a>
    </>
  );
}
