import type { RoomRecord, SettingsIssue } from '@parley/shared';
import { type RoomConfig, RoomConfig as RoomSchema } from '@parley/shared/settings';
import { useState } from 'preact/hooks';
import type { ApiResult } from '../api/admin-api.js';
import { pathName } from '../state/paths.js';
import { routeHash } from '../state/route.js';
import { ConflictBanner } from './conflict-banner.js';
import { useConsole } from './console-context.js';
import { EditorContext } from './fields.js';
import { AssignmentTab } from './room/assignment-tab.js';
import { AuditTab } from './room/audit-tab.js';
import { AvailabilityTab } from './room/availability-tab.js';
import { DomainsTab } from './room/domains-tab.js';
import { EmbedTab } from './room/embed-tab.js';
import { FormDesigner } from './room/form-designer.js';
import { GeneralTab } from './room/general-tab.js';
import { InteractionsTab } from './room/interactions-tab.js';
import { SupervisorTab } from './room/supervisor-tab.js';
import { ThemeTab } from './room/theme-tab.js';
import { SaveBar } from './save-bar.js';
import { useRecordEditor } from './use-record-editor.js';

/** The room's settings, grouped as the product documents group them; the last three tabs only show. */
const TABS: [string, string, boolean][] = [
  ['general', 'General', true],
  ['assignment', 'Chat assignment', true],
  ['interactions', 'Customer interactions', true],
  ['domains', 'Allowed domains', true],
  ['form', 'Contact form', true],
  ['theme', 'Theme', true],
  ['availability', 'Availability', true],
  ['embed', 'Embed and links', false],
  ['supervisor', 'Supervisor', false],
  ['audit', 'Audit log', false],
];

/** The room's settings checked with the same schema the server saves them with. */
export function checkRoom(room: RoomConfig): SettingsIssue[] {
  const parsed = RoomSchema.safeParse(room);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ record: null, path: pathName(issue.path as (string | number)[]), message: issue.message }));
}

const asRecord = (result: ApiResult<RoomRecord>): ApiResult<{ version: number; value: RoomConfig }> =>
  result.ok ? { ...result, body: { version: result.body.version, value: result.body.room } } : result;

export function RoomPage({ name, tab }: { name: string; tab: string }) {
  const { api, go } = useConsole();
  const path = `/api/admin/rooms/${encodeURIComponent(name)}`;
  const room = useRecordEditor<RoomConfig>(
    {
      key: `room:${name}`,
      load: () => api.get<RoomRecord>(path).then(asRecord),
      save: (version, value) => api.put<RoomRecord>(path, { version, room: value }).then(asRecord),
      check: checkRoom,
    },
    [name],
  );
  const [deleting, setDeleting] = useState<string | null>(null);
  const { state } = room;

  if (state.status === 'loading') return <p role="status">Loading {name}…</p>;
  if (state.status === 'missing' || !state.draft) return <p role="alert">{state.loadProblem ?? `There is no room named ${name}.`}</p>;
  const editable = TABS.find(([id]) => id === tab)?.[2] ?? true;

  const remove = async () => {
    const result = await api.delete(`${path}?version=${state.version}`);
    if (result.ok) go({ page: 'rooms' });
    else setDeleting(result.message);
  };

  return (
    <>
      <h1>{state.base?.label ?? name}</h1>
      <nav aria-label="Room settings" class="tabs">
        <ul>
          {TABS.map(([id, label]) => (
            <li key={id}>
              <a href={routeHash({ page: 'room', name, tab: id })} aria-current={id === tab ? 'page' : undefined}>
                {label}
                {room.dirty && id === tab ? <span class="sr-only"> (unsaved changes)</span> : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {state.conflict && <ConflictBanner conflict={state.conflict} onKeepMine={room.keepMine} onTakeTheirs={room.takeTheirs} />}
      {state.general.length > 0 && (
        <div class="problems" role="alert">
          <p>These settings need fixing before the room can be saved:</p>
          <ul>
            {state.general.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <EditorContext.Provider value={room.editor}>
        {tab === 'general' && <GeneralTab />}
        {tab === 'assignment' && <AssignmentTab />}
        {tab === 'interactions' && <InteractionsTab />}
        {tab === 'domains' && <DomainsTab />}
        {tab === 'form' && <FormDesigner />}
        {tab === 'theme' && <ThemeTab name={name} />}
        {tab === 'availability' && <AvailabilityTab name={name} />}
        {tab === 'embed' && (
          <EmbedTab
            room={state.base!}
            version={state.version}
            onKeyRotated={(record) => room.replace(record.version, record.room, 'A new statistics key is in force; the old one no longer works.')}
          />
        )}
        {tab === 'supervisor' && <SupervisorTab name={name} />}
        {tab === 'audit' && <AuditTab path={`${path}/audit`} />}
      </EditorContext.Provider>
      {editable && <SaveBar dirty={room.dirty} saving={state.saving} notice={state.notice} onSave={room.save} onDiscard={room.discard} />}
      {tab === 'general' && (
        <section class="section danger">
          <h2>Delete this room</h2>
          <p>Its chats, statistics and settings go; its agents stop answering it. Refused while chats are open in it.</p>
          {deleting !== null && deleting !== '' && <p role="alert">{deleting}</p>}
          {deleting === '' ? (
            <p>
              Delete {state.base?.label}?{' '}
              <button type="button" class="danger" onClick={remove}>
                Yes, delete the room
              </button>{' '}
              <button type="button" onClick={() => setDeleting(null)}>
                Keep it
              </button>
            </p>
          ) : (
            <button type="button" class="danger" onClick={() => setDeleting('')}>
              Delete room…
            </button>
          )}
        </section>
      )}
    </>
  );
}
