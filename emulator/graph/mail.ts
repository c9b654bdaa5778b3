// Exchange Online's sendMail as Graph serves it: POST /me/sendMail (Mail.Send) and /users/{id|upn}/sendMail for a
// mailbox the caller may send as (Mail.Send.Shared plus the mailbox's send-as right); 202 with no body, the message
// kept in memory (the emulator's "delivered" mail), or Graph's 400/403/404 with Exchange's error codes.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { transitiveMembersOf } from '../tenant/groups';
import type { DirectoryUser, SharedMailbox } from '../tenant/types';
import { authenticate } from './authenticate';
import { graphError } from './errors';

export const MAIL_SEND = 'Mail.Send';
export const MAIL_SEND_SHARED = 'Mail.Send.Shared';

export interface MailAddress {
  address: string;
  name: string | null;
}

/** One message as sent: who sent it (the signed-in user), from which mailbox, to whom, what it said. */
export interface SentMessage {
  id: string;
  /** Emulator clock, ISO 8601. */
  sentAt: string;
  from: MailAddress;
  /** The signed-in user who sent it (differs from `from` for a shared mailbox). */
  sender: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  subject: string;
  contentType: 'text' | 'html';
  content: string;
  saveToSentItems: boolean;
  requestId: string;
  clientRequestId: string;
  /** The mail-enabled groups among the recipients, each with the members Exchange delivered it to. */
  groups: RecipientGroup[];
}

export interface RecipientGroup {
  address: string;
  displayName: string;
  members: MailAddress[];
}

/** The messages this emulator has accepted, oldest first (cleared with the tenant). */
export class SentMail {
  private messages: SentMessage[] = [];

  add(m: SentMessage): void {
    this.messages.push(m);
  }

  list(): readonly SentMessage[] {
    return this.messages;
  }

  clear(): void {
    this.messages = [];
  }
}

// Exchange's resolvable SMTP address, roughly: local part, @, a domain with a dot.
const SMTP = /^[^\s@<>()[\]",;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

const Recipient = z.object({
  emailAddress: z.object({
    address: z.string().optional(),
    name: z.string().optional(),
  }),
});
const Message = z.object({
  subject: z.string().optional(),
  body: z
    .object({
      contentType: z
        .string()
        .refine((v) => ['text', 'html'].includes(v.toLowerCase()), 'contentType'),
      content: z.string(),
    })
    .optional(),
  toRecipients: z.array(Recipient).optional(),
  ccRecipients: z.array(Recipient).optional(),
  bccRecipients: z.array(Recipient).optional(),
  from: Recipient.optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
});
const SendMailBody = z.object({
  message: Message,
  saveToSentItems: z.boolean().optional(),
});

const ACCESS_DENIED = 'Access is denied. Check credentials and try again.';

export function mailRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  const accessDenied = (c: Context) =>
    graphError(c, { status: 403, code: 'ErrorAccessDenied', message: ACCESS_DENIED });

  async function send(c: Context, mailboxKey: string | null): Promise<Response> {
    const auth = await authenticate(ctx, c, [MAIL_SEND, MAIL_SEND_SHARED]);
    // Exchange, not Intune, answers a token without either permission: its own 403.
    if (!auth.ok) return auth.response.status === 403 ? accessDenied(c) : auth.response;
    c.set('user' as never, auth.caller.user.userPrincipalName as never);
    const { user, scopes } = auth.caller;
    const from = sendingMailbox(user, mailboxKey);
    if (from === 'notFound')
      return graphError(c, {
        status: 404,
        code: 'ErrorInvalidUser',
        message: `The requested user '${decodeURIComponent(mailboxKey ?? '')}' is invalid.`,
      });
    // Sending as oneself needs Mail.Send; as another mailbox, Mail.Send.Shared and that mailbox's send-as right.
    if (from.own ? !scopes.has(MAIL_SEND) : !scopes.has(MAIL_SEND_SHARED) || !from.sendAs)
      return accessDenied(c);
    if (from.noMailbox)
      return graphError(c, {
        status: 404,
        code: 'MailboxNotEnabledForRESTAPI',
        message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      });

    const raw: unknown = await c.req.json().catch(() => undefined);
    if (raw === undefined)
      return graphError(c, {
        status: 400,
        code: 'RequestBodyRead',
        message:
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      });
    const parsed = SendMailBody.safeParse(raw);
    if (!parsed.success)
      return graphError(c, {
        status: 400,
        code: 'ErrorInvalidRequest',
        message: `The request is invalid: ${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')}.`,
      });
    const { message } = parsed.data;
    const to = (message.toRecipients ?? []).map(address);
    const cc = (message.ccRecipients ?? []).map(address);
    const bcc = (message.bccRecipients ?? []).map(address);
    if (to.length + cc.length + bcc.length === 0)
      return graphError(c, {
        status: 400,
        code: 'ErrorInvalidRecipients',
        message:
          "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
      });
    const unresolved = [...to, ...cc, ...bcc].find((r) => !SMTP.test(r.address));
    if (unresolved)
      return graphError(c, {
        status: 400,
        code: 'ErrorInvalidRecipients',
        message: `At least one recipient is not valid., Recipient '${unresolved.address}' is not resolved. All recipients must be resolved before a message can be submitted.`,
      });

    // A mail-enabled group's address is a recipient like any other; Exchange delivers the message to its members.
    const groups = ctx.tenant.groups.flatMap((g): RecipientGroup[] => {
      if (!g.mail || ![...to, ...cc, ...bcc].some((r) => sameAddress(r.address, g.mail ?? '')))
        return [];
      const members = [...transitiveMembersOf(ctx.tenant.groups, g.id)].flatMap((id) => {
        const m = ctx.index.userByKey.get(id);
        return m ? [{ address: m.mail, name: m.displayName }] : [];
      });
      return [{ address: g.mail, displayName: g.displayName, members }];
    });
    ctx.mail.add({
      id: randomUUID(),
      sentAt: new Date(ctx.clock.now()).toISOString(),
      from: from.address,
      sender: { address: user.mail, name: user.displayName },
      toRecipients: to,
      ccRecipients: cc,
      subject: message.subject ?? '',
      contentType: message.body?.contentType.toLowerCase() === 'html' ? 'html' : 'text',
      content: message.body?.content ?? '',
      saveToSentItems: parsed.data.saveToSentItems ?? true,
      requestId: c.get('requestId' as never),
      clientRequestId: c.get('clientRequestId' as never),
      groups,
    });
    return c.body(null, 202);
  }

  /** The mailbox a request sends from: the caller's own, a shared mailbox, or another user's (never send-as). */
  function sendingMailbox(
    user: DirectoryUser,
    key: string | null,
  ): { own: boolean; sendAs: boolean; noMailbox: boolean; address: MailAddress } | 'notFound' {
    const own = { address: user.mail, name: user.displayName };
    // A B2B guest has no mailbox in this tenant.
    const noMailbox = user.guest !== undefined;
    if (key === null) return { own: true, sendAs: true, noMailbox, address: own };
    const wanted = decodeURIComponent(key).toLowerCase();
    const shared = ctx.tenant.sharedMailboxes.find(
      (m: SharedMailbox) => m.id === wanted || m.address.toLowerCase() === wanted,
    );
    if (shared)
      return {
        own: false,
        sendAs: shared.sendAs.includes(user.id),
        noMailbox: false,
        address: { address: shared.address, name: shared.displayName },
      };
    const other = ctx.index.userByKey.get(wanted);
    if (!other) return 'notFound';
    if (other.id === user.id) return { own: true, sendAs: true, noMailbox, address: own };
    return {
      own: false,
      sendAs: false,
      noMailbox: false,
      address: { address: other.mail, name: other.displayName },
    };
  }

  app.post('/v1.0/me/sendMail', (c) => send(c, null));
  app.post('/v1.0/users/:user/sendMail', (c) => send(c, c.req.param('user')));
  return app;
}

/** SMTP addresses compare without regard to letter case. */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function address(r: z.infer<typeof Recipient>): MailAddress {
  return { address: (r.emailAddress.address ?? '').trim(), name: r.emailAddress.name ?? null };
}
