import { describe, expect, it } from 'vitest';
import { authCode, authCodeProblem } from './auth-code';

describe('authCode', () => {
  it('drops the space authenticator apps show and lower-cases recovery codes', () => {
    expect(authCode('authenticator', '123 456')).toBe('123456');
    expect(authCode('recovery', '  ABCD-EFGH ')).toBe('abcd-efgh');
  });
});

describe('authCodeProblem', () => {
  it('asks for the code the screen shows', () => {
    expect(authCodeProblem('authenticator', ' ')).toBe('Enter the 6-digit code');
    expect(authCodeProblem('recovery', '')).toBe('Enter a recovery code');
  });
  it('wants six digits from an authenticator and anything from a recovery list', () => {
    expect(authCodeProblem('authenticator', '12345')).toBe('The code is 6 digits');
    expect(authCodeProblem('authenticator', '123 456')).toBeNull();
    expect(authCodeProblem('recovery', 'abcd-efgh')).toBeNull();
  });
});
