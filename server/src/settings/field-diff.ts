import type { FieldChange } from '../store/settings-record.js';

/** Fields whose values the audit log never shows, only that they changed. */
const SECRETS = new Set(['passwordHash', 'statsKey']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What changed between two versions of a record, field by field (`widget.theme.primaryColor`),
 * for the audit log. Lists are compared whole; secrets show as `(changed)`.
 */
export function fieldDiff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => fieldDiff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (SECRETS.has(name)) return [{ path, from: before === undefined ? null : '(secret)', to: after === undefined ? null : '(changed)' }];
  return [{ path, from: before ?? null, to: after ?? null }];
}
