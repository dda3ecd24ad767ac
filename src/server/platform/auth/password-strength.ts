import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/*
 * NIST SP 800-63B §5.1.1.2: a new password is checked against values known to be commonly used, expected or
 * compromised (dictionary words, repetitive or sequential characters, context-specific words) and refused with
 * the reason. zxcvbn-ts estimates how many guesses a password takes with its dictionary of common passwords;
 * its score 3 ("safely unguessable", about 10^8 guesses or more) is the least we accept.
 */
export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

// Our own wording for each of zxcvbn's warning codes.
const REASONS: Record<string, string> = {
  straightRow: 'it is a straight row of keys',
  keyPattern: 'it is a short keyboard pattern',
  simpleRepeat: 'it repeats the same characters',
  extendedRepeat: 'it repeats a group of characters',
  sequences: 'it is a common sequence such as abc or 123',
  recentYears: 'it leans on a recent year',
  dates: 'it leans on a date',
  topTen: 'it is among the ten most used passwords',
  topHundred: 'it is among the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is close to a commonly used password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'names on their own are easy to guess',
  commonNames: 'common names are easy to guess',
  userInputs: 'it contains personal details',
  pwned: 'it appeared in a data breach',
};

/** Why a password is too easy to guess, or null when it is strong enough. */
export function passwordWeakness(password: string): string | null {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  const result = checker.check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || 'it is too easy to guess';
  return `Choose a harder password: ${reason}. A few unrelated words together are strong and easy to remember.`;
}
