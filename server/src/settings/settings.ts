import type { AdminConfig, ConfigFile } from '@parley/shared/settings';
import type { Logger } from 'pino';
import { Directory } from '../config/directory.js';
import { ConfigError } from '../config/load-config.js';
import type { SettingsChangeEvent } from '../config/settings-change.js';
import type { Clock } from '../core/clock.js';
import { type SettingsChange, type SettingsKind, type SettingsRecord, type SettingsWrite, settingsKey } from '../store/settings-record.js';
import type { Store } from '../store/store.js';
import { fieldDiff } from './field-diff.js';
import { checkEdits, type SettingsEdit, type SettingsIssue, type SettingsSnapshot } from './settings-validation.js';

/** An edit and the version it was made from (0: a new record). */
export type VersionedEdit = SettingsEdit & { expectedVersion: number };

export type SaveOutcome =
  | { ok: true; records: SettingsChange[] }
  | { ok: false; reason: 'conflict'; kind: SettingsKind; id: string; current: SettingsRecord | null }
  | { ok: false; reason: 'invalid'; issues: SettingsIssue[] };

type Listener = (change: SettingsChangeEvent) => void;

/** The global public profile's record id. */
export const PROFILE_ID = 'global';

/**
 * The configuration as the store holds it: rooms, agents, admins and the global public profile.
 * An empty store is seeded from the configuration file once; after that the store is the source
 * of truth and the file is not read again. Every save is checked like the file (against the whole
 * configuration), written from the version it was made from, recorded in the audit log, then
 * applied: the directory everyone reads is refilled and listeners hear what changed. Saves in
 * this process go one at a time, so two saves cannot pass the whole-configuration check apart.
 */
export class Settings {
  readonly directory: Directory;
  private readonly records = new Map<string, SettingsRecord>();
  private readonly listeners: Listener[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** The store's latest revision this process has applied: what a save is checked against. */
  private revision = 0;

  private constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    records: SettingsRecord[],
  ) {
    for (const record of records) this.records.set(settingsKey(record.kind, record.id), record);
    this.directory = new Directory(this.directorySource());
  }

  /**
   * The settings in the store, seeded from `seed` (the configuration file) when the store has
   * none. Records are checked again as the file is (defaults added since they were written fill
   * in); a problem stops start-up like a problem in the file.
   */
  static async open(store: Store, clock: Clock, log: Logger, seed: { file: ConfigFile; path: string }): Promise<Settings> {
    let records = await store.settings.all();
    if (records.length === 0) {
      const at = clock.now();
      const writes: SettingsWrite[] = [
        ...seed.file.rooms.map((room) => ({ kind: 'room' as const, id: room.name, value: room, expectedVersion: 0, at })),
        ...seed.file.agents.map(({ password: _never, ...agent }) => ({
          kind: 'agent' as const,
          id: agent.id.toLowerCase(),
          value: agent,
          expectedVersion: 0,
          at,
        })),
        ...seed.file.admins.map((admin) => ({ kind: 'admin' as const, id: admin.id.toLowerCase(), value: admin, expectedVersion: 0, at })),
        ...(seed.file.publicProfile ? [{ kind: 'profile' as const, id: PROFILE_ID, value: seed.file.publicProfile, expectedVersion: 0, at }] : []),
      ];
      // From an empty store only: nodes starting together seed once, and the others read what it wrote.
      const result = await store.settings.write(writes, 0);
      if (result.ok) {
        await store.audit.append({ at, actor: 'system', subject: 'settings', action: `seeded from ${seed.path}`, changes: [] });
        log.info({ config: seed.path }, `settings: seeded the store from ${seed.path}; from now on the store holds them (edit them in the admin console)`);
      } else {
        log.info('settings: another node seeded the store first; reading its records');
      }
      records = await store.settings.all();
    } else {
      log.info(`settings: ${records.length} records from the store (PARLEY_CONFIG only seeds an empty store)`);
    }
    const settings = new Settings(store, clock, records);
    settings.revision = Math.max(0, ...(await store.settings.changesAfter(0)).map((change) => change.revision));
    const checked = checkEdits(settings.snapshot(), []);
    if (!checked.ok)
      throw new ConfigError(checked.issues.map((issue) => `settings in the store, ${issue.record ?? 'configuration'} ${issue.path}: ${issue.message}`));
    return settings;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  get(kind: SettingsKind, id: string): SettingsRecord | undefined {
    return this.records.get(settingsKey(kind, id));
  }

  list<K extends SettingsKind>(kind: K): Extract<SettingsRecord, { kind: K }>[] {
    return [...this.records.values()].filter((record): record is Extract<SettingsRecord, { kind: K }> => record.kind === kind);
  }

  admin(id: string): AdminConfig | undefined {
    const record = this.get('admin', id.toLowerCase());
    return record?.kind === 'admin' ? record.value : undefined;
  }

  /** Everything, as the configuration file would have it (for `npm run config -- export`). */
  toFile(): ConfigFile {
    const { rooms, agents, admins, profile } = this.snapshot();
    return {
      ...(profile ? { publicProfile: profile } : {}),
      rooms: [...rooms.values()],
      agents: [...agents.values()].map(({ signedOutAt: _state, ...agent }) => agent),
      admins: [...admins.values()],
    };
  }

  /** Checks, writes, audits and applies edits, all or none. */
  save(edits: readonly VersionedEdit[], actor: string, action: string): Promise<SaveOutcome> {
    const run = this.queue.then(() => this.saveNow(edits, actor, action));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies changes another writer made (another node; the records as the store now holds them).
   * The same path local saves take, so listeners cannot tell them apart.
   */
  apply(changes: readonly SettingsChange[]): void {
    const events: SettingsChangeEvent[] = [];
    for (const change of changes) {
      this.revision = Math.max(this.revision, change.revision);
      const key = settingsKey(change.kind, change.id);
      const before = this.records.get(key);
      if (before && before.revision >= change.revision) continue;
      if (!before && change.value === null) continue;
      if (change.value === null) this.records.delete(key);
      else this.records.set(key, change);
      events.push({ kind: change.kind, id: change.id, before: before?.value ?? null, after: change.value } as SettingsChangeEvent);
    }
    if (events.length === 0) return;
    this.directory.update(this.directorySource());
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  /**
   * Reads what other nodes wrote since the last revision applied here, and applies it. Called when
   * a node says it saved, and now and then in case that word was lost.
   */
  async catchUp(): Promise<void> {
    const run = this.queue.then(async () => this.apply(await this.store.settings.changesAfter(this.revision)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(edits: readonly VersionedEdit[], actor: string, action: string): Promise<SaveOutcome> {
    // Checked against the whole configuration as of a revision, written only if nothing came after
    // it (another node's save): otherwise catch up and check again.
    for (;;) {
      const outcome = await this.checkAndWrite(edits, actor, action);
      if (outcome !== 'moved') return outcome;
      this.apply(await this.store.settings.changesAfter(this.revision));
    }
  }

  private async checkAndWrite(edits: readonly VersionedEdit[], actor: string, action: string): Promise<SaveOutcome | 'moved'> {
    const checked = checkEdits(this.snapshot(), edits);
    if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };
    const at = this.clock.now();
    const writes = edits.map((edit) => {
      const value = checked.values.get(settingsKey(edit.kind, edit.id)) ?? null;
      return { ...(value ?? { kind: edit.kind, value: null }), id: edit.id, expectedVersion: edit.expectedVersion, at } as SettingsWrite;
    });
    const result = await this.store.settings.write(writes, this.revision);
    if (!result.ok && result.reason === 'revision') return 'moved';
    if (!result.ok) return { ok: false, reason: 'conflict', kind: result.kind, id: result.id, current: result.current };
    for (const record of result.records) {
      const before = this.records.get(settingsKey(record.kind, record.id))?.value ?? null;
      await this.store.audit.append({ at, actor, subject: settingsKey(record.kind, record.id), action, changes: fieldDiff(before, record.value) });
    }
    this.apply(result.records);
    return { ok: true, records: result.records };
  }

  private snapshot(): SettingsSnapshot {
    const snapshot: SettingsSnapshot = { rooms: new Map(), agents: new Map(), admins: new Map(), profile: undefined };
    for (const record of this.records.values()) {
      if (record.kind === 'room') snapshot.rooms.set(record.id, record.value);
      else if (record.kind === 'agent') snapshot.agents.set(record.id, record.value);
      else if (record.kind === 'admin') snapshot.admins.set(record.id, record.value);
      else snapshot.profile = record.value;
    }
    return snapshot;
  }

  private directorySource() {
    const { rooms, agents, profile } = this.snapshot();
    return { rooms: [...rooms.values()], agents: [...agents.values()], publicProfile: profile };
  }
}
