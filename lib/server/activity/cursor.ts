import 'server-only';
// The activity page's keyset cursor: the sequence number of the last row shown, opaque to the browser.
import { InputError } from '@/lib/shared/errors';
import { apiText } from '@/lib/server/i18n/api-text';

export function encodeCursor(seq: number): string {
  return Buffer.from(`v1:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === '') return null;
  const match = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new InputError('invalidActivityCursor', apiText('invalidActivityCursor'));
  return Number(match[1]);
}
