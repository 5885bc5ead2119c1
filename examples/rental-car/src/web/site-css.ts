/**
 * @module
 * The stylesheet, served from the app's own origin (the CSP allows no inline style).
 */

/** The site's CSS. */
export const SITE_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --brand: #0b6e4f; --line: #d9dee7; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.6; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.25rem 1rem; padding: 0.75rem 1.5rem; background: var(--brand); }
header nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
header a { color: #fff; text-decoration: none; }
header .brand { font-weight: 700; white-space: nowrap; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.notice { background: #fff4ce; border-bottom: 1px solid #e6d48a; margin: 0; padding: 0.5rem 1.5rem; text-align: center; }
.notice.canceled { border: 1px solid #e6d48a; border-radius: 6px; }
.problem { background: #fde8e8; border: 1px solid #f3b4b4; border-radius: 6px; padding: 0.5rem 1rem; }
form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; display: grid; gap: 0.75rem; }
form.search { grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); align-items: end; }
label { display: grid; gap: 0.25rem; font-size: 0.9rem; color: var(--muted); }
input, select { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; color: var(--ink); }
button, .button { font: inherit; background: var(--brand); color: #fff; border: 0; border-radius: 6px; padding: 0.55rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
button.danger { background: #b42318; }
form.cancel p { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; }
.policy-notes { padding-left: 1.25rem; }
.refund-refunded { color: var(--brand); font-weight: 700; }
.results { list-style: none; padding: 0; display: grid; gap: 1rem; }
.car { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.car h2 { margin: 0; }
.price strong { font-size: 1.3rem; }
.sold-out, .left { color: var(--muted); }
table.quote { width: 100%; border-collapse: collapse; background: #fff; }
table.quote td, table.quote th { border-bottom: 1px solid var(--line); padding: 0.4rem; text-align: left; }
.amount, table.quote .amount { text-align: right; white-space: nowrap; }
table.quote th { font-weight: 400; }
table.quote thead th { color: var(--muted); font-size: 0.9rem; }
table.quote tfoot th { font-weight: 700; }
table.quote tr.current td { font-weight: 700; background: #eef7f3; }
.total { font-weight: 700; font-size: 1.2rem; }
dl.booking { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
dl.booking dt { color: var(--muted); }
dl.booking dd { margin: 0; }
.reference { font-family: ui-monospace, monospace; font-weight: 700; }
.status-confirmed, .confirmed { color: var(--brand); font-weight: 700; }
.hint, .request-id { color: var(--muted); font-size: 0.9rem; }
`;
