// The demo wallet: what Microsoft Authenticator does when a caller scans the console's QR code, played by a person
// in a browser. Plain server-rendered HTML (escaped by hono/html), no script.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { PresentationRequest } from './presentation';

const STYLE = raw(`<style>
  body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f2f1;margin:0;color:#1b1b1b}
  main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem 2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
  h1{font-size:1.4rem;font-weight:600;margin:0 0 .5rem} p,li{line-height:1.4} .note{font-size:.85rem;color:#605e5c}
  label{display:block;margin-top:1rem;font-weight:600} input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box;border:1px solid #8a8886}
  button{margin-top:1rem;margin-right:.5rem;padding:.6rem 1.2rem;font:inherit;cursor:pointer;border:1px solid #8a8886;background:#fff}
  button.primary{background:#0067b8;color:#fff;border:0} .error{color:#a4262c;font-weight:600}
</style>`);

const page = (title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        ${STYLE}
      </head>
      <body>
        <main>
          <p class="note">
            Verified ID emulator · demo wallet (stands for Microsoft Authenticator)
          </p>
          ${body}
        </main>
      </body>
    </html>`;

export function walletListPage(open: PresentationRequest[], base: string) {
  return page(
    'Demo wallet',
    html`<h1>Open presentation requests</h1>
      ${
        open.length === 0
          ? html`<p>No request is open. Start "Verify with Verified ID" in the console first.</p>`
          : html`<ul>
              ${open.map(
                (r) =>
                  html`<li>
                    <a href="${base}/wallet/${r.id}">${r.body.registration.clientName}</a>
                    <span class="note">· ${r.id}</span>
                  </li>`,
              )}
            </ul>`
      }
      <form method="get" action="${base}/wallet">
        <label for="requestId">Open a request by its id</label>
        <input id="requestId" name="requestId" autocomplete="off" />
        <button type="submit">Open</button>
      </form>`,
  );
}

export function walletRequestPage(r: PresentationRequest, base: string, error?: string) {
  const credential = r.body.requestedCredentials[0];
  const threshold =
    credential?.configuration?.validation?.faceCheck?.matchConfidenceThreshold ?? 70;
  return page(
    'Present a credential',
    html`<h1>
        ${r.body.registration.clientName} asks for your ${credential?.type ?? 'credential'}
      </h1>
      ${
        credential?.configuration?.validation?.faceCheck
          ? html`<p>
              With Face Check: a selfie matched against the credential's photo (threshold
              ${threshold}).
            </p>`
          : ''
      }
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="${base}/wallet/${r.id}/present">
        <label for="upn">Present as (user principal name)</label>
        <input id="upn" name="upn" autocomplete="off" required />
        <label for="score">Face Check score (0–100)</label>
        <input id="score" name="score" type="number" min="0" max="100" step="0.01" value="92" />
        <button class="primary" type="submit">Share</button>
      </form>
      <form method="post" action="${base}/wallet/${r.id}/expire">
        <button type="submit">Let it expire</button>
      </form>`,
  );
}

export function walletDonePage(title: string, message: string, verifierStatus: number | null) {
  return page(
    title,
    html`<h1>${title}</h1>
      <p role="status">${message}</p>
      <p class="note">
        The verifier's callback answered
        <span data-testid="verifier-status"
          >${verifierStatus === null ? 'nothing (unreachable)' : String(verifierStatus)}</span
        >.
      </p>`,
  );
}

export function walletErrorPage(title: string, message: string) {
  return page(
    title,
    html`<h1>${title}</h1>
      <p class="error" role="alert">${message}</p>`,
  );
}
