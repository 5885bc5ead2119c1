/**
 * @module
 * The stylesheet, served from the app's own origin (the CSP allows no inline style). Checked at
 * 1280 and 390 px wide (`e2e/page-screenshots.test.ts`): no horizontal scrolling on a phone, the
 * site name never broken inside a word, every amount right-aligned in tabular figures, and tap
 * targets of at least 44 px.
 */

/** The site's CSS. */
export const SITE_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --brand: #0b6e4f; --line: #d9dee7; --bg: #f6f8fa; --tap: 2.75rem; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.6; line-break: strict; word-break: auto-phrase; overflow-wrap: anywhere; }
h1, h2, h3 { line-height: 1.35; word-break: auto-phrase; overflow-wrap: normal; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.75rem; }
h2 { font-size: 1.25rem; }
h3 { font-size: 1.05rem; }
img { max-width: 100%; height: auto; }
a { color: var(--brand); }
header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0 1rem; padding: 0.25rem 1.5rem; background: var(--brand); }
header nav { display: flex; flex-wrap: wrap; gap: 0 1rem; }
header a { color: #fff; text-decoration: none; display: inline-flex; align-items: center; min-height: var(--tap); }
header nav a { padding: 0 0.25rem; }
header .brand { font-weight: 700; font-size: 1.1rem; white-space: nowrap; word-break: keep-all; overflow-wrap: normal; }
main { max-width: 56rem; margin: 0 auto; padding: 0.5rem 1.5rem 3rem; }
footer { display: flex; flex-wrap: wrap; justify-content: center; gap: 0 1.5rem; padding: 0.5rem 1rem 2rem; border-top: 1px solid var(--line); font-size: 0.9rem; }
footer a { display: inline-flex; align-items: center; min-height: var(--tap); color: var(--muted); }
.notice { background: #fff4ce; border-bottom: 1px solid #e6d48a; margin: 0; padding: 0.5rem 1.5rem; text-align: center; }
.notice.canceled { border: 1px solid #e6d48a; border-radius: 6px; }
.problem { background: #fde8e8; border: 1px solid #f3b4b4; border-radius: 6px; padding: 0.5rem 1rem; }
.problem p { margin: 0.25rem 0; }
form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; display: grid; gap: 0.75rem; }
form.search { grid-template-columns: repeat(4, minmax(0, 1fr)); align-items: end; }
form.search button { grid-column: span 2; }
label { display: grid; gap: 0.25rem; font-size: 0.9rem; color: var(--muted); }
fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.75rem; min-width: 0; }
legend { font-size: 1.25rem; font-weight: 700; padding: 0; margin-bottom: 0.5rem; }
.field { display: grid; gap: 0.25rem; }
.field label { display: block; }
.field.option { grid-template-columns: minmax(0, 1fr) 5rem; align-items: center; gap: 0.25rem 1rem; }
.option-price { display: block; color: var(--muted); font-size: 0.85rem; }
.field-problem { color: #b42318; font-size: 0.9rem; margin: 0; }
.field.invalid input, .field.invalid select { border-color: #b42318; }
.field.accept label { display: flex; gap: 0.6rem; align-items: flex-start; color: var(--ink); font-size: 1rem; }
.field.accept input { margin-top: 0.2rem; flex: none; }
input, select { font: inherit; font-size: 1rem; min-height: var(--tap); padding: 0.4rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; color: var(--ink); background: #fff; min-width: 0; }
input[type="checkbox"], input[type="radio"] { min-height: 0; width: 1.25rem; height: 1.25rem; }
button, .button { font: inherit; min-height: var(--tap); background: var(--brand); color: #fff; border: 0; border-radius: 6px; padding: 0.55rem 1.1rem; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center; text-align: center; }
button.secondary, .button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
button.danger { background: #b42318; }
form.cancel p { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; }
.actions a:not(.button) { display: inline-flex; align-items: center; min-height: var(--tap); }
.policy-notes { padding-left: 1.25rem; }
.refund-refunded { color: var(--brand); font-weight: 700; }
.tagline { color: var(--muted); margin-top: 0; }
.results { list-style: none; padding: 0; display: grid; gap: 1rem; }
.car { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; display: grid; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr); gap: 0.5rem 1.25rem; align-items: center; }
.car h2, .car h3 { margin: 0; }
.fleet h2 { margin-top: 1.5rem; }
.fleet .results { grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
.fleet .car { grid-template-columns: minmax(0, 10rem) minmax(0, 1fr); }
.car p { margin: 0.35rem 0; }
.car-picture { display: block; width: 100%; max-width: 15rem; height: auto; }
.car-facts { color: var(--muted); }
.car-facts .fact { white-space: nowrap; }
.price { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; }
.price strong { font-size: 1.3rem; }
.price-note { color: var(--muted); font-size: 0.9rem; flex-basis: 100%; }
.book { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; }
.sold-out, .left { color: var(--muted); }
.shops { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: 1rem; margin: 1.5rem 0; }
.shop { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; }
.shop h3 { margin: 0 0 0.5rem; }
.shop-role { display: block; color: var(--muted); font-size: 0.85rem; font-weight: 400; }
dl.shop-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; font-size: 0.95rem; }
dl.shop-facts dt { color: var(--muted); }
section.rental, section.lines, section.customer, section.policy { margin: 1rem 0; }
dl.rental-facts, dl.customer-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; }
dl.rental-facts dt, dl.customer-facts dt { color: var(--muted); }
dl.rental-facts dd, dl.customer-facts dd { margin: 0; }
dl.shop-facts dd { margin: 0; }
dl.shop-facts a { display: inline-flex; align-items: center; min-height: var(--tap); margin: -0.6rem 0; }
table { width: 100%; border-collapse: collapse; background: #fff; }
table td, table th { border-bottom: 1px solid var(--line); padding: 0.5rem; text-align: left; vertical-align: baseline; }
table .amount, .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.quote th { font-weight: 400; }
table.quote thead th { color: var(--muted); font-size: 0.9rem; }
table.quote tfoot th { font-weight: 700; }
table.quote tr.current td { font-weight: 700; background: #eef7f3; }
.total { font-weight: 700; font-size: 1.2rem; }
.booking-summary { display: grid; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr); gap: 1rem 1.25rem; align-items: start; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
dl.booking { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; }
dl.booking dt { color: var(--muted); }
dl.booking dd { margin: 0; }
dl.booking .when, dl.booking .where { display: block; }
dd.total-amount { font-variant-numeric: tabular-nums; font-weight: 700; }
.reference { font-family: ui-monospace, monospace; font-weight: 700; }
.status-confirmed, .confirmed { color: var(--brand); font-weight: 700; }
.status-checking, .status-awaiting-konbini { color: #8a5a00; font-weight: 700; }
.hint, .request-id, .mail-note { color: var(--muted); font-size: 0.9rem; }
pre.mail-body { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
@media (max-width: 40rem) {
  header { padding: 0.25rem 1rem; }
  main { padding: 0.5rem 1rem 2.5rem; }
  .notice { padding: 0.5rem 1rem; font-size: 0.9rem; }
  h1 { font-size: 1.4rem; }
  .car, .booking-summary { grid-template-columns: minmax(0, 1fr); }
  .car-picture { max-width: 12rem; margin: 0 auto; }
  .book .button { flex: 1 1 auto; }
  form.search { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  form.search button { grid-column: 1 / -1; }
  form.search label:has(select) { grid-column: 1 / -1; }
  .notice { text-align: left; }
  table td, table th { padding: 0.5rem 0.35rem; }
}
`;
