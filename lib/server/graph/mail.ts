import 'server-only';
// The owner's notification in Graph: who the device's user (or their manager) is, with their mail address and
// preferredLanguage (GET /users/{id|upn}, User.Read.All), and sendMail as the agent (POST /me/sendMail, Mail.Send)
// or from a shared mailbox the agent may send as (POST /users/{mailbox}/sendMail, Mail.Send.Shared). 202, no body.
// The approvers' e-mail goes the same way, to an address or a mail-enabled group's `mail` (GET /groups/{id}).
import { z } from 'zod';
import { graphGet, graphPostJson, type GraphPostResult } from './client';

const nullable = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const Person = z.object({
  id: z.string().optional(),
  displayName: nullable,
  mail: nullable,
  preferredLanguage: nullable,
});
export type MailPerson = z.infer<typeof Person>;

const SELECT = 'id,displayName,mail,preferredLanguage';

/** A user by object id or UPN (the audit records keep the device user's UPN). */
export async function getMailPerson(token: string, user: string): Promise<MailPerson> {
  const { data } = await graphGet({
    path: `/users/${encodeURIComponent(user)}`,
    query: { $select: SELECT },
    token,
    schema: Person,
  });
  return data;
}

/** The user's manager; Graph answers 404 when none is set. */
export async function getMailManager(token: string, user: string): Promise<MailPerson> {
  const { data } = await graphGet({
    path: `/users/${encodeURIComponent(user)}/manager`,
    query: { $select: SELECT },
    token,
    schema: Person,
  });
  return data;
}

const Group = z.object({ displayName: nullable, mail: nullable });
export type MailGroup = z.infer<typeof Group>;

/** A group's address (null when it is not mail-enabled); Group.Read.All or GroupMember.Read.All. */
export async function getMailGroup(token: string, groupId: string): Promise<MailGroup> {
  const { data } = await graphGet({
    path: `/groups/${encodeURIComponent(groupId)}`,
    query: { $select: 'mail,displayName' },
    token,
    schema: Group,
  });
  return data;
}

export interface OutgoingMail {
  to: { address: string; name: string | null };
  subject: string;
  text: string;
}

/** Sends as the agent (`from` null) or from the shared mailbox `from`; Exchange keeps no copy in Sent Items. */
export async function sendMail(
  token: string,
  from: string | null,
  mail: OutgoingMail,
): Promise<GraphPostResult> {
  return graphPostJson({
    path: from === null ? '/me/sendMail' : `/users/${encodeURIComponent(from)}/sendMail`,
    token,
    body: {
      message: {
        subject: mail.subject,
        body: { contentType: 'Text', content: mail.text },
        toRecipients: [
          {
            emailAddress: {
              address: mail.to.address,
              ...(mail.to.name ? { name: mail.to.name } : {}),
            },
          },
        ],
      },
      saveToSentItems: false,
    },
  });
}
