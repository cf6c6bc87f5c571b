import { describe, expect, it } from 'vitest';
import { changedFields, getIn, pathName, rebase, setIn } from './paths.js';

describe('settings paths', () => {
  it('reads and writes nested fields without changing the original', () => {
    const room = { label: 'General', theme: { primaryColor: '#111111' }, welcomeForm: [{ key: 'name', label: 'Name' }] };
    const next = setIn(room, ['welcomeForm', 0, 'label'], 'Your name');
    expect(getIn(next, ['welcomeForm', 0, 'label'])).toBe('Your name');
    expect(room.welcomeForm[0]!.label).toBe('Name');
    expect(next.theme).toBe(room.theme);
    expect(setIn(room, ['header'], 'Hi')).toMatchObject({ header: 'Hi' });
    expect('label' in setIn(room, ['label'], undefined)).toBe(false);
    expect(pathName(['welcomeForm', 2, 'label'])).toBe('welcomeForm[2].label');
  });

  it('puts the fields changed here on top of what someone else saved meanwhile', () => {
    const base = { label: 'General', header: 'Hello', theme: { primaryColor: '#111111', textColor: '#000000' } };
    const mine = { ...base, header: 'Welcome', theme: { ...base.theme, primaryColor: '#ff0000' } };
    const theirs = { ...base, label: 'Help desk', theme: { ...base.theme, textColor: '#222222' } };
    expect(changedFields(base, mine).map(pathName)).toEqual(['header', 'theme.primaryColor']);
    expect(rebase(base, mine, theirs)).toEqual({ label: 'Help desk', header: 'Welcome', theme: { primaryColor: '#ff0000', textColor: '#222222' } });
  });
});
