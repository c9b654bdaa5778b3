// The emulator's sign-in and consent pages. Plain server-rendered HTML (escaped by hono/html), no script.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DirectoryUser } from '../tenant/types';

const STYLE = raw(`<style>
  body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f2f1;margin:0;color:#1b1b1b}
  main{max-width:30rem;margin:4rem auto;background:#fff;padding:2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
  h1{font-size:1.5rem;font-weight:600;margin:0 0 .5rem} p{line-height:1.4}
  .note{font-size:.85rem;color:#605e5c}
  form.account button{display:block;width:100%;text-align:left;padding:.75rem 1rem;margin:.5rem 0;border:1px solid #c8c6c4;background:#fff;cursor:pointer;font:inherit}
  form.account button:hover,form.account button:focus-visible{background:#f3f2f1;outline:2px solid #0067b8}
  .upn{display:block;color:#605e5c;font-size:.9rem} .role{display:block;color:#0067b8;font-size:.8rem}
  label{display:block;margin-top:1.5rem;font-weight:600} input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box;border:1px solid #8a8886}
  .primary{margin-top:.75rem;background:#0067b8;color:#fff;border:0;padding:.6rem 1.2rem;font:inherit;cursor:pointer}
  .error{color:#a4262c;font-weight:600} ul{padding-left:1.2rem}
</style>`);

/**
 * The tab's icon, inline (a key on the sign-in blue), so the browser asks the emulator for no /favicon.ico, which
 * would be a 404. An SVG in a data URI needs only its few reserved characters escaped.
 */
const ICON = raw(
  `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0067b8"/><circle cx="6" cy="8" r="3" fill="none" stroke="#fff" stroke-width="1.6"/><path d="M9 8h5M12 8v2.5" stroke="#fff" stroke-width="1.6"/></svg>',
  )}" />`,
);

const page = (title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        ${ICON} ${STYLE}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;

export function loginPage(opts: {
  tenant: string;
  appName: string;
  pendingId: string;
  agents: DirectoryUser[];
  error?: string;
  loginHint?: string;
}) {
  return page(
    'Sign in to your account',
    html` <p class="note">Entra ID emulator · ${opts.tenant}</p>
      <h1>Pick an account</h1>
      <p>to continue to <strong>${opts.appName}</strong></p>
      ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''}
      ${opts.agents.map(
        (u) =>
          html` <form class="account" method="post" action="login">
            <input type="hidden" name="pending" value="${opts.pendingId}" />
            <input type="hidden" name="login" value="${u.userPrincipalName}" />
            <button type="submit">
              <strong>${u.displayName}</strong
              ><span class="upn">${u.userPrincipalName}</span
              >${u.agentRole ? html`<span class="role">${u.agentRole}</span>` : ''}
            </button>
          </form>`,
      )}
      <form method="post" action="login">
        <input type="hidden" name="pending" value="${opts.pendingId}" />
        <label for="login">Another account of this tenant</label>
        <input
          id="login"
          name="login"
          type="email"
          autocomplete="username"
          placeholder="someone@contoso.com"
          value="${opts.loginHint ?? ''}"
          required
        />
        <button class="primary" type="submit">Sign in</button>
      </form>
      <p class="note">No password: this is a local emulator. Nothing here reaches Microsoft.</p>`,
  );
}

export function approvalRequiredPage(opts: {
  appName: string;
  user: DirectoryUser;
  missing: string[];
  backUrl: string;
}) {
  return page(
    'Need admin approval',
    html` <p class="note">${opts.user.userPrincipalName}</p>
      <h1>Need admin approval</h1>
      <p>
        <strong>${opts.appName}</strong> needs permission to access resources in your organisation
        that only an admin can grant:
      </p>
      <ul>
        ${opts.missing.map((s) => html`<li><code>${s}</code></li>`)}
      </ul>
      <p>Ask an administrator to grant these permissions, then try again.</p>
      <p><a href="${opts.backUrl}">Return to the application without granting access</a></p>`,
  );
}

export function errorPage(title: string, message: string) {
  return page(
    title,
    html`<h1>${title}</h1>
      <p class="error" role="alert">${message}</p>`,
  );
}

export function signedOutPage() {
  return page(
    'Signed out',
    html`<h1>You signed out of your account</h1>
      <p>It's a good idea to close all browser windows.</p>`,
  );
}
