import type { InvalidBody, SettingsIssue } from '@parley/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiResult } from '../api/admin-api.js';
import { changedFields, type Path, pathName, rebase, setIn } from '../state/paths.js';
import type { Editor } from './fields.js';

/** Someone saved the record while it was being edited here. */
export type Conflict<T> = { theirs: T; version: number; theirFields: string[]; mineFields: string[] };

export type RecordEditorState<T> = {
  status: 'loading' | 'ready' | 'missing';
  loadProblem: string | null;
  version: number;
  /** The record as last loaded or saved. */
  base: T | null;
  /** The record as edited here. */
  draft: T | null;
  /** Problems by field name (`theme.primaryColor`), and those about the whole configuration. */
  problems: Map<string, string>;
  general: string[];
  conflict: Conflict<T> | null;
  saving: boolean;
  /** Said to screen readers and shown: "Saved.", "Could not save: …". */
  notice: string | null;
};

export type RecordEditorOptions<T> = {
  /** This record's name in the server's problems (`room:GENERAL`). */
  key: string;
  load(): Promise<ApiResult<{ version: number; value: T }>>;
  save(version: number, value: T): Promise<ApiResult<{ version: number; value: T }>>;
  /** Checks with the shared schema before sending; problems by field name. */
  check(value: T): SettingsIssue[];
};

/**
 * Editing one settings record: load it, change fields, check them as the server will, save from
 * the version loaded. When someone else saved first (409) the conflict says which fields each
 * side changed, and the admin keeps their changes on top of the other's or takes the other's.
 */
export function useRecordEditor<T>(options: RecordEditorOptions<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<RecordEditorState<T>>(initial);

  useEffect(() => {
    let current = true;
    setState(initial());
    void options.load().then((result) => {
      if (!current) return;
      if (result.ok) setState({ ...initial(), status: 'ready', version: result.body.version, base: result.body.value, draft: result.body.value });
      else setState({ ...initial(), status: 'missing', loadProblem: result.message });
    });
    return () => {
      current = false;
    };
  }, deps);

  const editor: Editor = useMemo(
    () => ({
      value: state.draft,
      set: (path: Path, value: unknown) => setState((s) => ({ ...s, draft: setIn(s.draft, path, value), notice: null })),
      problem: (path: Path) => state.problems.get(pathName(path)),
    }),
    [state.draft, state.problems],
  );

  const dirty = state.draft !== null && changedFields(state.base, state.draft).length > 0;

  const save = async () => {
    if (!state.draft) return;
    const local = options.check(state.draft);
    if (local.length > 0) {
      setState((s) => ({
        ...s,
        ...problemsOf(local, options.key),
        notice: `Not saved: ${local.length} ${local.length === 1 ? 'setting needs' : 'settings need'} fixing.`,
      }));
      return;
    }
    setState((s) => ({ ...s, saving: true, notice: 'Saving…' }));
    const result = await options.save(state.version, state.draft);
    if (result.ok) {
      setState((s) => ({
        ...s,
        saving: false,
        version: result.body.version,
        base: result.body.value,
        draft: result.body.value,
        problems: new Map(),
        general: [],
        conflict: null,
        notice: 'Saved.',
      }));
      return;
    }
    if (result.status === 409 && isConflict<T>(result.body)) {
      const theirs = result.body.current;
      if (!theirs) {
        setState((s) => ({ ...s, saving: false, notice: 'This no longer exists: someone deleted it.' }));
        return;
      }
      setState((s) => ({
        ...s,
        saving: false,
        notice: 'Not saved: someone else saved this first.',
        conflict: {
          theirs: theirs.value,
          version: theirs.version,
          theirFields: changedFields(s.base, theirs.value).map(pathName),
          mineFields: changedFields(s.base, s.draft).map(pathName),
        },
      }));
      return;
    }
    if (result.status === 400 && (result.body as InvalidBody | null)?.issues) {
      const issues = (result.body as InvalidBody).issues;
      setState((s) => ({ ...s, saving: false, ...problemsOf(issues, options.key), notice: `Not saved: ${result.message}` }));
      return;
    }
    setState((s) => ({ ...s, saving: false, notice: `Not saved: ${result.message}` }));
  };

  /** Keeps the changes made here, on top of what the other admin saved; saving is the admin's next step. */
  const keepMine = () =>
    setState((s) =>
      s.conflict
        ? {
            ...s,
            version: s.conflict.version,
            draft: rebase(s.base, s.draft, s.conflict.theirs),
            base: s.conflict.theirs,
            conflict: null,
            notice: 'Your changes are on top of theirs: save to keep them.',
          }
        : s,
    );
  const takeTheirs = () =>
    setState((s) =>
      s.conflict
        ? { ...s, version: s.conflict.version, base: s.conflict.theirs, draft: s.conflict.theirs, conflict: null, notice: 'Showing what they saved.' }
        : s,
    );
  const discard = () => setState((s) => ({ ...s, draft: s.base, problems: new Map(), general: [], notice: 'Changes discarded.' }));
  /** A save made elsewhere on this page (a new statistics key): the record as the server now has it. */
  const replace = (version: number, value: T, notice: string) => setState((s) => ({ ...s, version, base: value, draft: value, notice }));

  return { state, editor, dirty, save, discard, keepMine, takeTheirs, replace };
}

function initial<T>(): RecordEditorState<T> {
  return {
    status: 'loading',
    loadProblem: null,
    version: 0,
    base: null,
    draft: null,
    problems: new Map(),
    general: [],
    conflict: null,
    saving: false,
    notice: null,
  };
}

function isConflict<T>(body: unknown): body is { current: { version: number; value: T } | null } {
  return typeof body === 'object' && body !== null && 'current' in body;
}

/** The problems on this record by field; the rest (another record, the whole configuration) said in words. */
function problemsOf(issues: readonly SettingsIssue[], key: string): Pick<RecordEditorState<unknown>, 'problems' | 'general'> {
  const problems = new Map<string, string>();
  const general: string[] = [];
  for (const issue of issues) {
    if (issue.record === key || issue.record === null) problems.set(issue.path, issue.message);
    if (issue.record !== key || issue.path === '')
      general.push(
        issue.record && issue.record !== key
          ? `${issue.record} ${issue.path}: ${issue.message}`
          : issue.path
            ? `${issue.path}: ${issue.message}`
            : issue.message,
      );
  }
  return { problems, general };
}
