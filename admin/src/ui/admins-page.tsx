import type { AdminRecord, InviteLink } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './console-context.js';
import { InviteNotice } from './invite-notice.js';

/** The people who may use this console, and another one invited by a one-time link. */
export function AdminsPage() {
  const { api } = useConsole();
  const [admins, setAdmins] = useState<AdminRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<{ name: string; link: InviteLink } | null>(null);

  const load = () =>
    void api.get<{ admins: AdminRecord[] }>('/api/admin/admins').then((result) => (result.ok ? setAdmins(result.body.admins) : setProblem(result.message)));
  useEffect(load, [api]);

  const create = async (event: Event) => {
    event.preventDefault();
    const result = await api.post<{ invite: InviteLink }>('/api/admin/admins', { id, name });
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    setInvite({ name, link: result.body.invite });
    setId('');
    setName('');
    load();
  };

  return (
    <>
      <h1>Admins</h1>
      {problem && <p role="alert">{problem}</p>}
      {invite && <InviteNotice who={invite.name} link={invite.link} />}
      <ul>
        {admins?.map(({ admin }) => (
          <li key={admin.id}>
            {admin.name} ({admin.id}){admin.hasPassword ? '' : ' — invited, no password yet'}
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={create} aria-labelledby="new-admin">
        <h2 id="new-admin">Invite an admin</h2>
        <label for="new-admin-id">Email</label>
        <input id="new-admin-id" type="email" required value={id} onInput={(e) => setId(e.currentTarget.value)} />
        <label for="new-admin-name">Name</label>
        <input id="new-admin-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="primary">
          Create and get an invite link
        </button>
      </form>
    </>
  );
}
