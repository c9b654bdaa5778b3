// The owner's e-mail text: the recipient's language from preferredLanguage, the local time beside UTC, every fact
// the issue names, and nothing that acts (no link).
import { describe, expect, it } from 'vitest';
import { composeNotification, mailLocale, mailTimeZone, type NotificationFacts } from './compose';

const facts: NotificationFacts = {
  event: 'accepted',
  recipient: 'owner',
  recipientName: "Zoë O'Brien",
  ownerName: "Zoë O'Brien",
  deviceName: "Zoë's iPhone",
  serialNumber: 'F2LX1',
  kind: 'removePasscode',
  requestedAt: '2026-12-02T13:05:00.000Z',
  agent: { name: 'Hanna Berger', upn: 'helpdesk@contoso.com' },
  ticket: 'INC-1',
  verification: {
    id: 'v1',
    method: 'callBack',
    verified: true,
    evidence: {
      method: 'callBack',
      phoneLast: '4711',
      phoneSource: 'mobilePhone',
      phoneType: null,
    },
    subject: { id: 'u1', upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
    deviceId: 'd1',
    agent: { oid: 'a1', upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
    recordedAt: '2026-12-02T13:00:00.000Z',
  },
  securityContact: null,
};

describe("the owner's e-mail", () => {
  it('case 26: is German for any German preferredLanguage and English otherwise', () => {
    expect(['de-DE', 'de-AT', 'de', 'DE-ch'].map(mailLocale)).toEqual(['de', 'de', 'de', 'de']);
    expect(['en-US', 'fr-FR', '', null, undefined, 'dk'].map(mailLocale)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
    expect(mailTimeZone('de-AT', 'de')).toBe('Europe/Vienna');
    expect(mailTimeZone('fr-FR', 'en')).toBe('Europe/London');
  });

  it('case 26: names device, serial, action, UTC and local time, agent, ticket, verification and whom to call; no link', () => {
    const de = composeNotification(facts, 'de-DE');
    expect(de.subject).toBe("Ihr Gerät „Zoë's iPhone“: Code entfernen wurde angefordert");
    expect(de.text).toContain("Hallo Zoë O'Brien,");
    expect(de.text).toContain("Gerät: Zoë's iPhone (Seriennummer F2LX1)");
    expect(de.text).toContain(
      'Angefordert: 2026-12-02 13:05 (UTC), 2. Dezember 2026 um 14:05 (Europe/Berlin)',
    );
    expect(de.text).toContain('Rückruf unter einer hinterlegten Telefonnummer mit der Endung 4711');
    expect(de.text).toContain('rufen Sie sofort Ihr IT-Sicherheitsteam an');
    const en = composeNotification({ ...facts, event: 'failed', verification: null }, 'en-GB');
    expect(en.subject).toBe("Your device “Zoë's iPhone”: remove the passcode failed");
    expect(en.text).toContain('How the caller was verified: not recorded');
    expect(`${de.text}${en.text}`).not.toMatch(/https?:|www\.|<a /);
  });
});
