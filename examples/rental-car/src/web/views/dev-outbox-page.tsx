/**
 * @module
 * The demo's outbox page: every e-mail the app wrote, newest first (to, subject, time, sent or
 * not) with its text, which is all the shopper would have received, booking link included.
 */
import type { OutboxTable } from "../../db/app-tables";
import { DEV_OUTBOX_LIMIT } from "../dev-outbox";
import { formatTokyoDateTime, type Lang } from "../format";
import { Layout, type PageContext } from "./layout";

const TEXTS = {
  ja: {
    title: "デモのメール",
    intro: `SMTP_URL が設定されていないため、メールは送信されず、ここに保存されています（開発用の画面で、本番環境にはありません）。新しい順に最大 ${DEV_OUTBOX_LIMIT} 通。`,
    empty: "メールはまだありません。予約の支払いが完了すると、確認メールがここに表示されます。",
    to: "宛先",
    subject: "件名",
    written: "作成",
    status: "状態",
    sent: (at: string) => `送信済み（${at}）`,
    notSent: "未送信（SMTP なし）",
  },
  en: {
    title: "The demo's e-mails",
    intro: `SMTP_URL is not set, so e-mails are not sent: they are kept here (a development page, absent in production). Newest first, at most ${DEV_OUTBOX_LIMIT}.`,
    empty: "No e-mails yet. When a booking is paid, its confirmation appears here.",
    to: "To",
    subject: "Subject",
    written: "Written",
    status: "Status",
    sent: (at: string) => `Sent (${at})`,
    notSent: "Not sent (no SMTP)",
  },
} as const satisfies Record<Lang, unknown>;

/** The page of `GET /_dev/outbox`. */
export function DevOutboxPage(props: {
  readonly context: PageContext;
  readonly messages: readonly OutboxTable[];
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  return (
    <Layout context={props.context} title={texts.title}>
      <p class="hint">{texts.intro}</p>
      {props.messages.length === 0 && <p>{texts.empty}</p>}
      {props.messages.map((message) => (
        <article class="mail" key={message.id}>
          <table>
            <tbody>
              <tr>
                <th>{texts.to}</th>
                <td class="mail-to">{message.recipient}</td>
              </tr>
              <tr>
                <th>{texts.subject}</th>
                <td class="mail-subject">{message.subject}</td>
              </tr>
              <tr>
                <th>{texts.written}</th>
                <td>
                  <time datetime={message.created_at}>
                    {formatTokyoDateTime(message.created_at, lang)}
                  </time>
                </td>
              </tr>
              <tr>
                <th>{texts.status}</th>
                <td class="mail-status">
                  {message.sent_at === null
                    ? texts.notSent
                    : texts.sent(formatTokyoDateTime(message.sent_at, lang))}
                </td>
              </tr>
            </tbody>
          </table>
          <pre class="mail-body">{message.body}</pre>
        </article>
      ))}
    </Layout>
  );
}
