import { describe, expect, it } from 'vitest';
import { checkField, checkWelcomeForm, cleanAnswers, describeFormIssues, isPhone, type WelcomeField } from './welcome-form.js';

const form: WelcomeField[] = [
  { key: 'name', type: 'text', label: 'Name', rule: 'required' },
  { key: 'email', type: 'email', label: 'Email', rule: 'optional' },
  { key: 'phone', type: 'phone', label: 'Phone', rule: 'optional' },
  { key: 'topic', type: 'select', label: 'Topic', rule: 'required', options: ['Billing', 'Orders'] },
  { key: 'details', type: 'textarea', label: 'Details', rule: 'optional', maxLength: 10 },
  { key: 'terms', type: 'checkbox', label: 'I accept the terms', rule: 'required' },
  { key: 'customerId', type: 'text', label: 'Customer', rule: 'hidden' },
];

describe('welcome form rules', () => {
  it('accepts a complete form and reports nothing', () => {
    expect(checkWelcomeForm(form, { name: 'Ann', email: 'ann@example.com', phone: '+33 1 23 45 67 89', topic: 'Orders', terms: true })).toEqual([]);
  });

  it('lists every problem in the order of the form, then unknown fields', () => {
    const issues = checkWelcomeForm(form, {
      name: '  ',
      email: 'ann@',
      phone: 'call me',
      topic: 'Refunds',
      details: 'far too long text',
      terms: false,
      extra: 'x',
    });
    expect(issues).toEqual([
      { key: 'name', problem: 'required' },
      { key: 'email', problem: 'email' },
      { key: 'phone', problem: 'phone' },
      { key: 'topic', problem: 'option' },
      { key: 'details', problem: 'tooLong' },
      { key: 'terms', problem: 'required' },
      { key: 'extra', problem: 'unknown' },
    ]);
  });

  it('never requires a hidden field, but checks a value given to it', () => {
    expect(checkField(form[6]!, undefined)).toBeNull();
    expect(checkField({ ...form[6]!, type: 'email' }, 'nope')).toBe('email');
  });

  it('refuses answers of the wrong type', () => {
    expect(checkField(form[0]!, true)).toBe('type');
    expect(checkField(form[5]!, 'yes')).toBe('type');
  });

  it('knows phone numbers by their digits', () => {
    expect(isPhone('+1 (555) 010-9999')).toBe(true);
    expect(isPhone('12')).toBe(false);
    expect(isPhone('+1 555 0100 0000 0000 00')).toBe(false);
  });

  it('cleans answers: trims text, drops empty answers and unchecked boxes', () => {
    expect(cleanAnswers(form, { name: ' Ann ', email: '', terms: true, topic: 'Orders', customerId: 'c-42' })).toEqual({
      name: 'Ann',
      terms: true,
      topic: 'Orders',
      customerId: 'c-42',
    });
  });

  it('describes problems by label for the server error', () => {
    expect(
      describeFormIssues(form, [
        { key: 'email', problem: 'email' },
        { key: 'zzz', problem: 'unknown' },
      ]),
    ).toBe('Email: must be an email address like name@example.com; zzz: is not a field of this form');
  });
});
