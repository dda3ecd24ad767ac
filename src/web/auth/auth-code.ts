/** What the user types in the second step: a 6-digit authenticator code or a saved recovery code. */
export type CodeKind = 'authenticator' | 'recovery';

/** The code as the server takes it: authenticator codes without the space apps show, recovery codes lower case. */
export function authCode(kind: CodeKind, typed: string): string {
  return kind === 'authenticator' ? typed.replace(/\s+/g, '') : typed.trim().toLowerCase();
}

/** Why the typed code cannot be sent yet, or null when it can. */
export function authCodeProblem(kind: CodeKind, typed: string): string | null {
  const code = authCode(kind, typed);
  if (!code) return kind === 'authenticator' ? 'Enter the 6-digit code' : 'Enter a recovery code';
  if (kind === 'authenticator' && !/^\d{6}$/.test(code)) return 'The code is 6 digits';
  return null;
}
