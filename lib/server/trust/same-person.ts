import 'server-only';
// Whether two identities are one person, for four-eyes (security.md case 27): the same object id in any letter
// case, or the same sign-in name once a B2B guest's form (`jane.doe_outlook.com#EXT#@contoso.com`) is read as the
// home address it stands for (`jane.doe@outlook.com`). Either match is enough: an approver must be someone else.

export interface PersonIds {
  oid: string;
  upn: string | null;
}

/** A sign-in name in one form: lower case, a guest's `#EXT#` name turned back into its home address. */
export function homeIdentity(upn: string): string {
  const lower = upn.trim().toLowerCase();
  const ext = lower.indexOf('#ext#@');
  if (ext < 0) return lower;
  // Entra writes the home address with its '@' replaced by '_' before #EXT#: the last '_' is that '@'.
  const local = lower.slice(0, ext);
  const at = local.lastIndexOf('_');
  return at < 0 ? local : `${local.slice(0, at)}@${local.slice(at + 1)}`;
}

export function samePerson(a: PersonIds, b: PersonIds): boolean {
  if (a.oid.trim().toLowerCase() === b.oid.trim().toLowerCase()) return true;
  if (!a.upn || !b.upn) return false;
  return homeIdentity(a.upn) === homeIdentity(b.upn);
}
