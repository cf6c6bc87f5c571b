import type { FormAnswers, WelcomeFieldView } from '@parley/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strings as english } from '../../i18n/en.js';
import { strings as french } from '../../i18n/fr.js';
import { prefill, WelcomeForm } from './welcome-form.js';

const fields: WelcomeFieldView[] = [
  { key: 'name', type: 'text', label: 'Your name', rule: 'required' },
  { key: 'email', type: 'email', label: 'Email', rule: 'required' },
  { key: 'phone', type: 'phone', label: 'Phone', rule: 'optional' },
  { key: 'topic', type: 'select', label: 'Topic', rule: 'optional', options: ['Orders', 'Repairs'] },
  { key: 'question', type: 'textarea', label: 'Question', rule: 'optional', maxLength: 20 },
  { key: 'terms', type: 'checkbox', label: 'I agree to the terms', rule: 'required' },
  { key: 'customerId', type: 'text', label: 'Customer number', rule: 'hidden' },
];

function renderForm(identity = {}, strings = english) {
  const onSubmit = vi.fn<(answers: FormAnswers) => void>();
  render(<WelcomeForm fields={fields} identity={identity} strings={strings} busy={false} onSubmit={onSubmit} />);
  return onSubmit;
}

const errorOf = (label: string | RegExp) => {
  const field = screen.getByLabelText(label);
  const id = field.getAttribute('aria-describedby');
  return id ? (field.closest('form')!.querySelector(`#${id}`)?.textContent ?? null) : null;
};

describe('the welcome form', () => {
  afterEach(cleanup);

  it('shows the room’s fields in order, marks the optional ones, and hides hidden ones', () => {
    renderForm();
    const labels = [...document.querySelectorAll('label')].map((label) => label.textContent);
    expect(labels).toEqual(['Your name', 'Email', 'Phone (optional)', 'Topic (optional)', 'Question (optional)', 'I agree to the terms']);
    expect(screen.queryByLabelText('Customer number')).toBeNull();
    expect(screen.getByLabelText('Email').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText(/Phone/).getAttribute('type')).toBe('tel');
    expect(screen.getByLabelText('Your name').getAttribute('aria-required')).toBe('true');
  });

  it('says what is missing, marks it invalid and focuses the first, without submitting', () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('Your name')).toBe('Please fill in this field.');
    expect(errorOf('Email')).toBe('Please fill in this field.');
    expect(errorOf('I agree to the terms')).toBe('Please tick this box to continue.');
    expect(errorOf(/Phone/)).toBeNull();
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Your name'));
  });

  it('explains malformed answers, and the messages follow the visitor’s corrections', () => {
    const onSubmit = renderForm();
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'dana@' } });
    fireEvent.input(screen.getByLabelText(/Phone/), { target: { value: 'call me' } });
    fireEvent.input(screen.getByLabelText(/Question/), { target: { value: 'x'.repeat(20) } });
    fireEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(errorOf('Email')).toBe('Enter an email address like name@example.com.');
    expect(errorOf(/Phone/)).toBe('Enter a phone number: digits, optionally starting with +.');
    expect(errorOf(/Question/)).toBeNull();
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'dana@example.com' } });
    expect(errorOf('Email')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends trimmed answers, with the hidden field the page set through identify', () => {
    const onSubmit = renderForm({ name: '  Dana  ', fields: { customerId: 'C-42', email: 'ignored@example.com' } });
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('  Dana  ');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ignored@example.com');
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'dana@example.com ' } });
    fireEvent.change(screen.getByLabelText(/Topic/), { target: { value: 'Repairs' } });
    fireEvent.click(screen.getByLabelText('I agree to the terms'));
    fireEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Dana', email: 'dana@example.com', topic: 'Repairs', terms: true, customerId: 'C-42' });
  });

  it('starts from the visitor’s answers of last time, under what the page says of them', () => {
    const remembered = { name: 'Dana', email: 'old@example.com', topic: 'Repairs', question: 'Brakes?' };
    expect(prefill(fields, { email: 'dana@example.com', fields: { customerId: 'C-7' } }, remembered)).toEqual({
      name: 'Dana',
      email: 'dana@example.com',
      topic: 'Repairs',
      question: 'Brakes?',
      customerId: 'C-7',
    });
    // A remembered value of the wrong kind for its field (a text for the checkbox) is left out.
    expect(prefill(fields, {}, { terms: 'yes' })).toEqual({});
  });

  it('speaks the room’s language', () => {
    renderForm({}, french);
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer le chat' }));
    expect(errorOf('Your name')).toBe('Veuillez remplir ce champ.');
    expect(screen.getAllByText('(facultatif)', { exact: false })).toHaveLength(3);
  });
});
