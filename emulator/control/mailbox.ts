// The demo mailbox: what sendMail accepted, as JSON for tests (GET /_emulator/mail) and as a plain page for a demo
// (GET /_emulator/mailbox: from, to, subject and body of each message, HTML bodies shown as text, never rendered).
// A message to a mail-enabled group shows the group and the members it reached; `?to=` finds it by either.
// Also sets a user's preferredLanguage, so a test can choose the language an owner reads.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { sameAddress, type MailAddress, type SentMessage } from '../graph/mail';

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#f3f2f1}
article{background:#fff;padding:1rem 1.5rem;margin:0 0 1rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin:.2rem 0} dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{color:#605e5c} pre{white-space:pre-wrap;font:inherit;border-top:1px solid #e1dfdd;padding-top:.5rem}`;

const PreferredLanguage = z.object({ preferredLanguage: z.string().min(2).max(20).nullable() });

const named = (a: MailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** A recipient as the page shows it: a mail-enabled group is named, with the members it reached. */
const recipient = (m: SentMessage) => (a: MailAddress) => {
  const group = m.groups.find((g) => sameAddress(g.address, a.address));
  return group
    ? `${named({ address: a.address, name: a.name ?? group.displayName })} (group ${group.displayName}: ${group.members.map(named).join(', ')})`
    : named(a);
};

/** Whether `to` received the message: named as a recipient, or a member of a group that was. */
const reached = (m: SentMessage, to: string) =>
  m.toRecipients.some((r) => sameAddress(r.address, to)) ||
  m.groups.some((g) => g.members.some((r) => sameAddress(r.address, to)));

export function mailboxRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  app.get('/mail', (c) => {
    const to = c.req.query('to');
    const messages = ctx.mail.list().filter((m) => !to || reached(m, to));
    return c.json({ messages });
  });
  app.delete('/mail', (c) => {
    ctx.mail.clear();
    return c.body(null, 204);
  });

  app.put('/users/:user/preferred-language', async (c) => {
    const user = ctx.index.userByKey.get(decodeURIComponent(c.req.param('user')).toLowerCase());
    if (!user) return c.json({ error: 'no such user' }, 404);
    const parsed = PreferredLanguage.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: 'invalid control request' }, 400);
    user.profile = { ...user.profile, preferredLanguage: parsed.data.preferredLanguage };
    return c.json({ id: user.id, preferredLanguage: user.profile.preferredLanguage });
  });

  app.get('/mailbox', (c) => {
    const messages = [...ctx.mail.list()].reverse();
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>Mailbox (emulated Exchange Online)</title>
            <style>
              ${STYLE}
            </style>
          </head>
          <body>
            <h1>Mailbox: ${messages.length} message(s) sent through Graph sendMail</h1>
            ${messages.length === 0 ? html`<p>No mail has been sent yet.</p>` : ''}
            ${messages.map(
              (m) =>
                html`<article data-testid="mail-message">
                  <h2>${m.subject}</h2>
                  <dl>
                    <dt>From</dt>
                    <dd>${named(m.from)}</dd>
                    <dt>Sent by</dt>
                    <dd>${named(m.sender)}</dd>
                    <dt>To</dt>
                    <dd>${m.toRecipients.map(recipient(m)).join(', ')}</dd>
                    ${
                      m.ccRecipients.length > 0
                        ? html`<dt>Cc</dt>
                            <dd>${m.ccRecipients.map(recipient(m)).join(', ')}</dd>`
                        : ''
                    }
                    <dt>Sent</dt>
                    <dd>${m.sentAt}</dd>
                  </dl>
                  <pre>${m.contentType === 'html' ? stripTags(m.content) : m.content}</pre>
                </article>`,
            )}
          </body>
        </html>`,
    );
  });
  return app;
}

/** An HTML body as readable text (the page escapes it again): paragraphs and line breaks kept, tags dropped. */
function stripTags(s: string): string {
  return s
    .replace(/<(br|\/p|\/li|\/tr|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
