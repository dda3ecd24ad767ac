import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  blankSubstance,
  initialNewReferralValues,
  type NewReferralValues,
  needsGuardian,
  newReferralProblems,
  toNewPatient,
  toNewReferral,
} from './new-referral-values';

const today = Temporal.PlainDate.from('2026-06-15');

const complete = (): NewReferralValues => ({
  ...initialNewReferralValues('2026-06-15'),
  givenName: ' Riley ',
  familyName: 'Walkthrough',
  dateOfBirth: '1991-05-17',
  livingSituation: 'home',
  programId: 'p1',
  source: 'hospital',
  substances: [{ key: 0, substance: ' Alcohol ', lastUseOn: '' }],
});

describe('needsGuardian', () => {
  it.each([
    ['2008-06-16', true], // the day before the 18th birthday
    ['2008-06-15', false], // the 18th birthday
    ['2012-01-01', true],
    ['1991-05-17', false],
    ['2026-06-16', false], // after today: not a date of birth yet
    ['2008-02-30', false], // not a day
    ['2008-06', false], // still being typed
    ['', false],
  ])('born %s, today 2026-06-15 → %s', (dateOfBirth, guardian) => {
    expect(needsGuardian(dateOfBirth, today)).toBe(guardian);
  });
});

describe('newReferralProblems', () => {
  it('finds nothing in a complete adult referral', () => {
    expect(newReferralProblems(complete(), today)).toEqual({});
  });

  it('names every required input of a blank form by its request path', () => {
    expect(Object.keys(newReferralProblems(initialNewReferralValues(''), today))).toEqual([
      'givenName',
      'familyName',
      'dateOfBirth',
      'livingSituation',
      'programId',
      'source',
      'referredOn',
      'substances.0.substance',
    ]);
  });

  it('asks a minor for a guardian reachable by phone or email', () => {
    const minor = { ...complete(), dateOfBirth: '2010-01-01' };
    expect(Object.keys(newReferralProblems(minor, today))).toEqual([
      'guardianContact.name',
      'guardianContact.relationship',
      'guardianContact.phone',
    ]);
    minor.guardianContact = { name: 'Alex', relationship: 'Parent', phone: '', email: 'alex@example.org' };
    expect(newReferralProblems(minor, today)).toEqual({});
  });

  it('asks for the whole emergency contact once it is started', () => {
    const values = { ...complete(), emergencyContact: { name: 'Sam', relationship: '', phone: '' } };
    expect(Object.keys(newReferralProblems(values, today))).toEqual([
      'emergencyContact.relationship',
      'emergencyContact.phone',
    ]);
  });

  it('refuses a date of birth after today', () => {
    expect(newReferralProblems({ ...complete(), dateOfBirth: '2026-06-16' }, today).dateOfBirth).toBe(
      'The date of birth cannot be in the future',
    );
  });
});

describe('toNewPatient', () => {
  it('sends no guardian for an adult and no emergency contact without a name', () => {
    const values = complete();
    values.guardianContact = { name: 'Left over', relationship: 'Parent', phone: '1', email: '' };
    expect(toNewPatient(values, today)).toMatchObject({
      givenName: 'Riley',
      preferredName: null,
      emergencyContact: null,
      guardianContact: null,
    });
  });

  it('sends the guardian of a minor, blanks as null', () => {
    const values = { ...complete(), dateOfBirth: '2010-01-01' };
    values.guardianContact = {
      name: ' Alex ',
      relationship: 'Parent',
      phone: ' ',
      email: 'alex@example.org',
    };
    expect(toNewPatient(values, today).guardianContact).toEqual({
      name: 'Alex',
      relationship: 'Parent',
      phone: null,
      email: 'alex@example.org',
    });
  });
});

describe('toNewReferral', () => {
  it('keeps only named substances and splits the flags as the API groups them', () => {
    const values = complete();
    values.substances = [
      { key: 0, substance: ' Opioids ', lastUseOn: '2026-06-13' },
      { key: 1, substance: ' ', lastUseOn: '2026-06-01' },
    ];
    values.flags = { ...values.flags, pregnant: true, coOccurringDisorder: true };
    expect(toNewReferral(values)).toMatchObject({
      substances: [{ substance: 'Opioids', lastUseOn: '2026-06-13' }],
      medicalFlags: { withdrawalComplicationRisk: false, medicallyUnstable: false, pregnant: true },
      psychiatricFlags: { acutePsychiatricSymptoms: false, coOccurringDisorder: true },
      recoveryEnvironmentUnsafe: false,
      referrerName: null,
      note: null,
    });
  });
});

describe('blankSubstance', () => {
  it('takes the next key after the highest', () => {
    expect(
      blankSubstance([
        { key: 0, substance: '', lastUseOn: '' },
        { key: 4, substance: '', lastUseOn: '' },
      ]).key,
    ).toBe(5);
    expect(blankSubstance([]).key).toBe(0);
  });
});
