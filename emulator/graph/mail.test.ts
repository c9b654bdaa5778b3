// sendMail as Graph answers it: 202 with no body and the message in the demo mailbox; Exchange's 400s for bad
// recipients and bodies; 403 without Mail.Send, or for a mailbox the caller may not send as; the fault switch.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../app';
import { DEMO_ACCOUNTS, NOTIFY_MAILBOX } from '../constants';
import {
  control,
  createTestEmulator,
  graphGet,
  graphPost,
  tokenFor,
  type GraphErrorJson,
} from '../testing';
import type { SentMessage } from './mail';

const message = (to = 'zoe.obrien@contoso.com') => ({
  message: {
    subject: 'Your phone',
    body: { contentType: 'Text', content: 'Hello <b>Zoë</b>' },
    toRecipients: [{ emailAddress: { address: to, name: "Zoë O'Brien" } }],
  },
  saveToSentItems: false,
});
const json = { 'content-type': 'application/json' };

describe('sendMail', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await createTestEmulator({ devices: 50, users: 40 });
  });
  const sent = async () =>
    (await control<{ messages: SentMessage[] }>(emu, 'GET', '/mail')).messages;

  it('answers 202 with no body for /me/sendMail with Mail.Send and keeps the message', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send']);
    const res = await graphPost(emu, '/v1.0/me/sendMail', token, {
      body: JSON.stringify(message()),
      headers: json,
    });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const [m] = await sent();
    expect(m?.from.address).toBe('hanna.berger@contoso.com');
    expect(m?.toRecipients).toEqual([{ address: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" }]);
    expect(m?.contentType).toBe('text');
    const page = await (await emu.app.request('http://localhost:4999/_emulator/mailbox')).text();
    expect(page).toContain('Your phone');
    expect(page).toContain('Hello &lt;b&gt;Zoë&lt;/b&gt;'); // shown, never rendered
  });

  it("delivers to a mail-enabled group's address: the group and its members show in the mailbox, and ?to= finds it by either", async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send']);
    const res = await graphPost(emu, '/v1.0/me/sendMail', token, {
      body: JSON.stringify({
        message: {
          subject: 'Approval requested',
          body: { contentType: 'Text', content: 'Please decide' },
          toRecipients: [{ emailAddress: { address: 'Passcode-Approvers@contoso.com' } }],
        },
      }),
      headers: json,
    });
    expect(res.status).toBe(202);
    const [m] = await sent();
    expect(m?.groups).toEqual([
      {
        address: 'passcode-approvers@contoso.com',
        displayName: 'Passcode approvers',
        members: expect.arrayContaining([
          { address: 'priya.raman@contoso.com', name: 'Priya Raman' },
          { address: 'alex.moreau@contoso.com', name: 'Alex Moreau' },
        ]),
      },
    ]);
    expect(m?.groups[0]?.members).toHaveLength(2);
    for (const to of ['passcode-approvers@contoso.com', 'PRIYA.RAMAN@contoso.com']) {
      const found = await control<{ messages: SentMessage[] }>(
        emu,
        'GET',
        `/mail?to=${encodeURIComponent(to)}`,
      );
      expect(found.messages.map((x) => x.subject)).toEqual(['Approval requested']);
    }
    expect(
      (await control<{ messages: SentMessage[] }>(emu, 'GET', '/mail?to=hanna.berger@contoso.com'))
        .messages,
    ).toEqual([]);
    const page = await (await emu.app.request('http://localhost:4999/_emulator/mailbox')).text();
    expect(page).toContain(
      'Passcode approvers &lt;Passcode-Approvers@contoso.com&gt; (group Passcode approvers:',
    );
    expect(page).toContain('Priya Raman &lt;priya.raman@contoso.com&gt;');
  });

  it('403 ErrorAccessDenied without Mail.Send; nothing is sent', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['User.Read']);
    const res = await graphPost(emu, '/v1.0/me/sendMail', token, {
      body: JSON.stringify(message()),
      headers: json,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as GraphErrorJson).error.code).toBe('ErrorAccessDenied');
    expect(await sent()).toHaveLength(0);
  });

  it('sends from the shared mailbox with Mail.Send.Shared for an agent with send-as, refuses others', async () => {
    const agent = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send.Shared']);
    const ok = await graphPost(emu, `/v1.0/users/${NOTIFY_MAILBOX}/sendMail`, agent, {
      body: JSON.stringify(message()),
      headers: json,
    });
    expect(ok.status).toBe(202);
    expect((await sent())[0]?.from.address).toBe(NOTIFY_MAILBOX);
    expect((await sent())[0]?.sender.address).toBe('hanna.berger@contoso.com');

    const onlySend = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send']);
    const noShared = await graphPost(emu, `/v1.0/users/${NOTIFY_MAILBOX}/sendMail`, onlySend, {
      body: JSON.stringify(message()),
      headers: json,
    });
    expect(noShared.status).toBe(403);
    const auditor = await tokenFor(emu, DEMO_ACCOUNTS.auditor, ['Mail.Send.Shared']);
    const noRight = await graphPost(emu, `/v1.0/users/${NOTIFY_MAILBOX}/sendMail`, auditor, {
      body: JSON.stringify(message()),
      headers: json,
    });
    expect(noRight.status).toBe(403);
    expect(((await noRight.json()) as GraphErrorJson).error.code).toBe('ErrorAccessDenied');
    expect(await sent()).toHaveLength(1);
  });

  it('400 ErrorInvalidRecipients for no or unresolvable recipients; 400 for a body that is not JSON', async () => {
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send']);
    const bad = await graphPost(emu, '/v1.0/me/sendMail', token, {
      body: JSON.stringify(message('not an address')),
      headers: json,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as GraphErrorJson).error.code).toBe('ErrorInvalidRecipients');
    const none = await graphPost(emu, '/v1.0/me/sendMail', token, {
      body: JSON.stringify({ message: { subject: 'x', toRecipients: [] } }),
      headers: json,
    });
    expect(((await none.json()) as GraphErrorJson).error.code).toBe('ErrorInvalidRecipients');
    const notJson = await graphPost(emu, '/v1.0/me/sendMail', token, { body: '{', headers: json });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as GraphErrorJson).error.code).toBe('RequestBodyRead');
    expect(await sent()).toHaveLength(0);
  });

  it('fails as the fault switch says (a 503 on sendMail), then sends', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [{ method: 'POST', path: 'sendMail$', status: 503, count: 1 }],
    });
    const token = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['Mail.Send']);
    const send = () =>
      graphPost(emu, '/v1.0/me/sendMail', token, {
        body: JSON.stringify(message()),
        headers: json,
      });
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(202);
    expect(await sent()).toHaveLength(1);
  });

  it("GET /users/{upn} answers the profile's preferredLanguage with User.Read.All only", async () => {
    await control(emu, 'PUT', '/users/zoe.obrien@contoso.com/preferred-language', {
      preferredLanguage: 'de-DE',
    });
    const full = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['User.Read.All']);
    const res = await graphGet(
      emu,
      '/v1.0/users/zoe.obrien@contoso.com?$select=mail,preferredLanguage,displayName',
      full,
    );
    expect(await res.json()).toMatchObject({
      mail: expect.stringContaining('@'),
      preferredLanguage: 'de-DE',
      displayName: "Zoë O'Brien",
    });
    const basic = await tokenFor(emu, DEMO_ACCOUNTS.helpdesk, ['User.ReadBasic.All']);
    const b = (await (
      await graphGet(
        emu,
        '/v1.0/users/zoe.obrien@contoso.com?$select=mail,preferredLanguage',
        basic,
      )
    ).json()) as Record<string, unknown>;
    expect(b.preferredLanguage).toBeUndefined();
  });
});
