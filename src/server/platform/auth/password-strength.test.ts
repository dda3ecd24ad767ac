import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it.each([
    ['aaaaaaaaaaaa', /repeats the same characters/],
    ['password1234', /commonly used/],
    ['Password123!', /commonly used/],
    ['qwertyuiopas', /commonly used|keyboard|row/],
    ['123456789012', /sequence|commonly used|too easy/],
  ])('refuses %j and says why', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it.each([['demo-password-2026'], ['a long walkthrough password'], ['correct horse battery staple']])(
    'accepts %j',
    (password) => {
      expect(passwordWeakness(password)).toBeNull();
    },
  );
});
