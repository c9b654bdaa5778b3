// How a person's sign-in name reads. A B2B guest signs in with an identity from outside the tenant: Entra shows
// it as `jane_outlook.com#EXT#@contoso.com` (UPN) or `live.com#jane@outlook.com` (unique_name); the console
// records and shows the home identity, `jane@outlook.com`.

export function isGuestName(name: string): boolean {
  return /#EXT#@/i.test(name) || /^[^@]*#/.test(name);
}

/** The home identity of a guest name; any other name as it is. */
export function homeIdentity(name: string): string {
  const ext = /^(.+)_([^_]+)#EXT#@/i.exec(name);
  if (ext?.[1] && ext[2]) return `${ext[1]}@${ext[2]}`;
  const hash = name.lastIndexOf('#');
  return hash >= 0 && !name.slice(0, hash).includes('@') ? name.slice(hash + 1) : name;
}
