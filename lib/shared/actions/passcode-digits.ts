// A temporary passcode as the agent reads it aloud: in groups of four (6660 6885), or of three where that divides it
// evenly and four does not (123 456). The passcode itself stays as Intune gave it: that is what Copy copies.

/** The passcode's groups, left to right; one group when it is short or has spaces of its own (read as it is). */
export function passcodeGroups(passcode: string): string[] {
  if (passcode.length <= 4 || /\s/.test(passcode)) return [passcode];
  const size = passcode.length % 4 !== 0 && passcode.length % 3 === 0 ? 3 : 4;
  const groups: string[] = [];
  for (let i = 0; i < passcode.length; i += size) groups.push(passcode.slice(i, i + size));
  return groups;
}
