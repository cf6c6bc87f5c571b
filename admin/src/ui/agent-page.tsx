import type { AgentRecord, AgentView, InviteLink, RoomRecord, SettingsIssue } from '@parley/shared';
import { AgentConfig } from '@parley/shared/settings';
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api/admin-api.js';
import { pathName } from '../state/paths.js';
import { presence } from './agents-page.js';
import { CannedRepliesEditor } from './canned-replies-editor.js';
import { ConflictBanner } from './conflict-banner.js';
import { useConsole } from './console-context.js';
import { EditorContext, NumberField, Section, TextField, Toggle, useEditor } from './fields.js';
import { InviteNotice } from './invite-notice.js';
import { AuditTab } from './room/audit-tab.js';
import { SaveBar } from './save-bar.js';
import { useRecordEditor } from './use-record-editor.js';

type Editable = Omit<AgentView, 'hasPassword' | 'signedOutAt'>;

/** What the admin edits of an agent: their settings, not their password or sign-in state. */
function editable(record: AgentRecord): Editable {
  const { hasPassword: _h, signedOutAt: _s, ...agent } = record.agent;
  return agent;
}

function checkAgent(agent: Editable): SettingsIssue[] {
  const parsed = AgentConfig.safeParse(agent);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ record: null, path: pathName(issue.path as (string | number)[]), message: issue.message }));
}

/** Checkboxes for a list of values (rooms, clients). */
function Choices({ legend, path, choices }: { legend: string; path: string; choices: [string, string][] }) {
  const editor = useEditor();
  const chosen = ((editor.value as Record<string, unknown>)[path] as string[] | undefined) ?? [];
  const problem = editor.problem([path]);
  return (
    <fieldset class={problem ? 'invalid' : undefined}>
      <legend>{legend}</legend>
      {choices.map(([value, label]) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) => editor.set([path], e.currentTarget.checked ? [...chosen, value] : chosen.filter((c) => c !== value))}
          />{' '}
          {label}
        </label>
      ))}
      {problem && <p class="error">{problem}</p>}
    </fieldset>
  );
}

/** One agent: their rooms, limits and clients; a new password link; sign out everywhere; delete. */
export function AgentPage({ id }: { id: string }) {
  const { api, go } = useConsole();
  const path = `/api/admin/agents/${encodeURIComponent(id)}`;
  const [record, setRecord] = useState<AgentRecord | null>(null);
  const [rooms, setRooms] = useState<RoomRecord[]>([]);
  const [invite, setInvite] = useState<InviteLink | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const asRecord = (result: ApiResult<AgentRecord>): ApiResult<{ version: number; value: Editable }> => {
    if (!result.ok) return result;
    setRecord(result.body);
    return { ...result, body: { version: result.body.version, value: editable(result.body) } };
  };
  const agent = useRecordEditor<Editable>(
    {
      key: `agent:${id.toLowerCase()}`,
      load: () => api.get<AgentRecord>(path).then(asRecord),
      save: (version, value) => api.put<AgentRecord>(path, { version, agent: value }).then(asRecord),
      check: checkAgent,
    },
    [id],
  );
  useEffect(() => {
    void api.get<{ rooms: RoomRecord[] }>('/api/admin/rooms').then((result) => result.ok && setRooms(result.body.rooms));
  }, [api]);

  const { state } = agent;
  if (state.status === 'loading') return <p role="status">Loading…</p>;
  if (!state.draft || !record) return <p role="alert">{state.loadProblem ?? `There is no agent ${id}.`}</p>;

  const act = async (action: 'reset-password' | 'sign-out') => {
    const result = await api.post<AgentRecord & { invite?: InviteLink }>(`${path}/${action}`, { version: state.version });
    if (!result.ok) return setSaid(result.message);
    setRecord(result.body);
    agent.replace(result.body.version, editable(result.body), action === 'sign-out' ? 'Signed out everywhere.' : 'The old password no longer works.');
    if (result.body.invite) setInvite(result.body.invite);
    setSaid(action === 'sign-out' ? `${record.agent.name} is signed out of every device.` : null);
  };
  const remove = async () => {
    const result = await api.delete(`${path}?version=${state.version}`);
    if (result.ok) go({ page: 'agents' });
    else setSaid(result.message);
  };

  return (
    <>
      <h1>{record.agent.name}</h1>
      <p>
        {record.agent.id} — now {presence(record)}; {record.agent.hasPassword ? 'has a password' : 'has not set a password yet'}.
      </p>
      {said && <p role="status">{said}</p>}
      {invite && <InviteNotice who={record.agent.name} link={invite} />}
      {state.conflict && <ConflictBanner conflict={state.conflict} onKeepMine={agent.keepMine} onTakeTheirs={agent.takeTheirs} />}
      <EditorContext.Provider value={agent.editor}>
        <Section title="Settings">
          <TextField label="Name (visitors and statistics see it)" path={['name']} required />
          <Choices legend="Rooms they answer" path="rooms" choices={rooms.map(({ room }) => [room.name, room.label])} />
          <NumberField label="Chats they may hold at once, across rooms" path={['capacity']} min={1} max={50} hint="Empty: each room's own limit." />
          <Choices
            legend="Where they may sign in"
            path="clients"
            choices={[
              ['browser', 'The console in a browser'],
              ['mobile', 'A phone-sized screen (the mobile client)'],
            ]}
          />
          <TextField
            label="Private room name"
            path={['privateRoom']}
            hint="Agents added here get AGENT-, their name and eight random characters: a name nobody can guess. Agents from the settings file without one: AGENT- and the address before the @."
          />
          <Toggle label="Disabled: cannot sign in, and is signed out everywhere at once" path={['disabled']} />
        </Section>
        <CannedRepliesEditor description="This agent's own replies, beside their rooms' (theirs win on the same shortcut). In a chat they type /shortcut and Tab; nothing is sent before they press Send." />
      </EditorContext.Provider>
      <SaveBar dirty={agent.dirty} saving={state.saving} notice={state.notice} onSave={agent.save} onDiscard={agent.discard} />
      <section class="section">
        <h2>Account</h2>
        <button type="button" onClick={() => void act('reset-password')}>
          Reset password (get a new invite link)
        </button>{' '}
        <button type="button" onClick={() => void act('sign-out')}>
          Sign out everywhere
        </button>{' '}
        {confirmDelete ? (
          <>
            <button type="button" class="danger" onClick={remove}>
              Yes, delete {record.agent.name}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
            Delete agent…
          </button>
        )}
      </section>
      <section class="section">
        <h2>Audit log</h2>
        <AuditTab path={`${path}/audit`} />
      </section>
    </>
  );
}
