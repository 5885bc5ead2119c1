/**
 * @module
 * The hosted page's stylesheet, served from the sandbox's own origin (the CSP allows no inline
 * styles or scripts).
 */

/** The path the stylesheet is served at. */
export const STYLESHEET_PATH = "/c/assets/sandbox.css";

/** The stylesheet. */
export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1a1f36;background:#f6f8fa}
:lang(ja){word-break:auto-phrase;line-break:strict}
.banner{margin:0;padding:.75rem 1rem;background:#b3261e;color:#fff;font-weight:600;text-align:center}
main{max-width:32rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d8dee4;border-radius:.5rem;padding:1.25rem;margin-bottom:1rem}
h1{font-size:1.25rem;margin:0 0 .25rem}
h2{font-size:1.05rem;margin:0 0 .75rem}
.merchant{color:#57606a;margin:0 0 1rem}
.imitates{display:block;font-size:.8rem;margin-top:.2rem}
table{width:100%;border-collapse:collapse}
td{padding:.35rem 0;vertical-align:top}
td.amount{text-align:right;white-space:nowrap;padding-left:1rem;font-variant-numeric:tabular-nums}
.unit{color:#57606a;font-size:.9rem;font-variant-numeric:tabular-nums}
tr.total td{border-top:1px solid #d8dee4;font-weight:700;padding-top:.6rem}
.field{margin-top:.6rem;min-width:0}
.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:0 .75rem;align-items:start}
label{display:block;margin:0 0 .2rem;font-size:.9rem}
input{width:100%;min-height:44px;padding:.55rem;font:inherit;border:1px solid #afb8c1;border-radius:.35rem}
input[aria-invalid="true"]{border-color:#cf222e;background:#fff8f8}
.field-error{margin:.25rem 0 0;color:#a40e26;font-size:.875rem}
button{margin-top:1rem;width:100%;padding:.7rem;font:inherit;font-weight:600;border:0;border-radius:.35rem;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#57606a}
.error{padding:.6rem .8rem;border-radius:.35rem;background:#ffebe9;color:#82071e;border:1px solid #ff8182}
.card .error{margin:0 0 .4rem}
.numbers{font-size:1.4rem;font-family:ui-monospace,monospace;letter-spacing:.05em}
.deadline{font-size:1.1rem;font-weight:600}
a{color:#0b5cad}
a.button{display:block;margin-top:1rem;padding:.7rem;border-radius:.35rem;background:#0b5cad;color:#fff;font-weight:600;text-align:center;text-decoration:none}
.store{font-weight:600}
fieldset{border:0;margin:.5rem 0 0;padding:0}
fieldset label{display:flex;gap:.6rem;align-items:center;min-height:44px;margin:0;padding:0 .5rem;border-radius:6px;font-size:1rem;cursor:pointer}
fieldset label:has(input:checked){background:#eef4fb}
fieldset input{width:1.25rem;height:1.25rem;min-height:0;margin:0}
.wallet{border-top:.5rem solid #ff0033}
.wallet h1{color:#ff0033}
button.wallet-approve{background:#ff0033}
details{font-size:.9rem;color:#57606a}
summary{padding:.75rem 0;cursor:pointer}
.cancel a{display:inline-block;padding:.65rem 0}
td.payee{text-align:right;padding-left:1rem;overflow-wrap:anywhere}
.methods{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}
.methods a{flex:1 1 6rem;display:flex;align-items:center;justify-content:center;min-height:44px;padding:0 .75rem;border:1px solid #0b5cad;border-radius:.35rem;background:#fff;font-weight:600;text-decoration:none}
[id^="method-"]{scroll-margin-top:1rem}
.card:target,[id^="method-"]:target>.card{border-color:#0b5cad;box-shadow:0 0 0 2px #0b5cad33}
`;
