import { describe, expect, it } from 'vitest';
import { ApiError } from './api/api-error';
import { applyServerErrors } from './form-errors';

function fakeForm(values: unknown) {
  const form = {
    errors: {} as Record<string, string>,
    getValues: () => values,
    setErrors: (e: Record<string, string>) => {
      form.errors = e;
    },
  };
  return form;
}

const refused = (fields: { path: string; message: string }[]) =>
  new ApiError(422, 'validation_failed', 'Check the highlighted fields.', fields);

describe('applyServerErrors', () => {
  it('puts each field message under the input with the same path, nested ones too', () => {
    const form = fakeForm({ title: '', topics: [{ title: 'a' }, { title: '' }] });
    const banner = applyServerErrors(
      form,
      refused([
        { path: 'title', message: 'Required' },
        { path: 'topics.1.title', message: 'Too short' },
      ]),
    );
    expect(form.errors).toEqual({ title: 'Required', 'topics.1.title': 'Too short' });
    expect(banner).toBeUndefined();
  });

  it('answers what no input can show, and the message when no input shows anything', () => {
    const form = fakeForm({ title: '' });
    expect(
      applyServerErrors(
        form,
        refused([
          { path: 'title', message: 'Required' },
          { path: '(body)', message: 'Bad' },
        ]),
      ),
    ).toBe('(body): Bad');
    expect(applyServerErrors(form, refused([{ path: 'other', message: 'Bad' }]))).toBe(
      'Check the highlighted fields.',
    );
    expect(form.errors).toEqual({});
  });

  it('renames a server path onto the form’s own name, and words a non-API failure', () => {
    const form = fakeForm({ leader: '' });
    applyServerErrors(form, refused([{ path: 'facilitatorId', message: 'Needs a licence' }]), {
      facilitatorId: 'leader',
    });
    expect(form.errors).toEqual({ leader: 'Needs a licence' });
    expect(applyServerErrors(form, new Error('boom'))).toBe('Something went wrong. Please try again.');
  });

  it('reads indexes in brackets and a prefix the form does not hold', () => {
    const form = fakeForm({ email: '', steps: [{ hours: 9 }, { hours: 6 }] });
    const banner = applyServerErrors(
      form,
      refused([
        { path: 'targetSteps.steps[1].hours', message: 'must be 0 or more hours' },
        { path: 'body.email', message: 'Required' },
      ]),
    );
    expect(form.errors).toEqual({ 'steps.1.hours': 'must be 0 or more hours', email: 'Required' });
    expect(banner).toBeUndefined();
  });
});
