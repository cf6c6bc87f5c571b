/** A field's place in a settings record: `['theme', 'primaryColor']`, `['welcomeForm', 2, 'label']`. */
export type Path = readonly (string | number)[];

type Node = Record<string | number, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Node)[key];
  }
  return current;
}

/** A copy of `value` with `next` at `path` (undefined removes the field); what it shares with `value` is left as is. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const container: Node = Array.isArray(value)
    ? ([...value] as unknown as Node)
    : isObject(value)
      ? { ...value }
      : typeof key === 'number'
        ? ([] as unknown as Node)
        : {};
  const child = setIn(container[key!], rest, next);
  if (child === undefined && !Array.isArray(container)) delete container[key!];
  else container[key!] = child;
  return container as T;
}

/** The dotted name of a path, as the server names fields in its problems: `welcomeForm[2].label`. */
export function pathName(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** The fields that differ between two versions of a record (lists compared whole), as dotted names. */
export function changedFields(before: unknown, after: unknown, prefix: Path = []): Path[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedFields(before[key], after[key], [...prefix, key]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

/**
 * Someone saved the record while it was being edited here: the fields changed here since `base`
 * are put on top of what they saved, and every other field is theirs. Where both changed the same
 * field, this edit wins (the admin saw the conflict and chose to keep theirs on top).
 */
export function rebase<T>(base: T, mine: T, theirs: T): T {
  let merged = theirs;
  for (const path of changedFields(base, mine)) merged = setIn(merged, path, getIn(mine, path));
  return merged;
}
