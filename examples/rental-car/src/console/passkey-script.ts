/**
 * @module
 * The console's only script, served from its own origin (CSP `script-src 'self'`): it passes the
 * server's WebAuthn options to the browser through @simplewebauthn/browser and posts the answer
 * back. Forms and pages work without it; only passkeys need it.
 */

/** `/assets/console-passkeys.js`. */
export const PASSKEY_SCRIPT = `"use strict";
(function () {
  var lib = window.SimpleWebAuthnBrowser;
  function fail(element, message) {
    var status = document.getElementById("passkey-status");
    if (status) status.textContent = element.getAttribute("data-failed") || message;
  }
  async function postJson(url, body, type) {
    var answer = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": type },
      body: body,
    });
    var json = await answer.json();
    if (!answer.ok) throw new Error(json && json.error ? json.error : String(answer.status));
    return json;
  }
  var add = document.getElementById("add-passkey-form");
  if (add && lib) {
    add.addEventListener("submit", async function (event) {
      event.preventDefault();
      try {
        var options = await postJson(
          "/account/passkeys/options",
          new URLSearchParams(new FormData(add)).toString(),
          "application/x-www-form-urlencoded",
        );
        var created = await lib.startRegistration({ optionsJSON: options });
        await postJson("/account/passkeys", JSON.stringify(created), "application/json");
        window.location.assign("/account");
      } catch (error) {
        fail(add, String(error));
      }
    });
  }
  var signIn = document.getElementById("passkey-sign-in");
  if (signIn && lib) {
    signIn.hidden = false;
    signIn.addEventListener("click", async function () {
      try {
        var options = await postJson("/sign-in/passkey/options", "{}", "application/json");
        var asserted = await lib.startAuthentication({ optionsJSON: options });
        var done = await postJson("/sign-in/passkey", JSON.stringify(asserted), "application/json");
        window.location.assign(done.redirect);
      } catch (error) {
        fail(signIn, String(error));
      }
    });
  }
})();
`;
