import { InviteAcceptance, type InviteInfo } from '@parley/shared';
import { hashPassword } from '../config/password.js';
import type { Sessions } from '../sessions/sessions.js';
import type { SaveOutcome, Settings } from '../settings/settings.js';
import { errorResponse, json } from '../transport/json-response.js';
import { noStore } from './admin/admin-auth.js';
import { readJson } from './json-body.js';
import { bodyUpTo, type Router, SIGN_IN_BODY_BYTES } from './router.js';

export type InviteDeps = { settings: Settings; sessions: Sessions };

const EXPIRED = () => noStore(errorResponse(404, 'INVITE_INVALID', 'This link has expired or was already used. Ask your admin for a new one.'));

/**
 * One-time links to set a password: `GET /api/invites/{token}` says whom a link is for (the page
 * greets them by name), `POST` sets the password (and, on the first admin's setup link, creates
 * that admin) and signs them in. A link works once; nothing else changes the person's settings.
 */
export function addInviteRoutes(router: Router, { settings, sessions }: InviteDeps): void {
  router.add('GET', '/api/invites/:token', async (_request, { token }) => {
    const invite = await sessions.inviteOf(token!);
    if (!invite) return EXPIRED();
    const setup = invite.role === 'admin' && invite.subjectId === '';
    const person = invite.role === 'agent' ? settings.directory.agent(invite.subjectId) : settings.admin(invite.subjectId);
    if (!setup && !person) return EXPIRED();
    const info: InviteInfo = { role: invite.role, setup, id: person?.id ?? null, name: person?.name ?? null };
    return noStore(json(200, info));
  });

  router.add(
    'POST',
    '/api/invites/:token',
    async (request, { token }) => {
      const body = readJson(request, InviteAcceptance, SIGN_IN_BODY_BYTES);
      if (!body.ok) return noStore(body.response);
      const invite = await sessions.inviteOf(token!);
      if (!invite) return EXPIRED();
      const setup = invite.role === 'admin' && invite.subjectId === '';
      if (setup && (!body.value.id || !body.value.name))
        return noStore(errorResponse(400, 'BAD_REQUEST', 'The first admin needs an email address (id) and a name.'));
      if (setup && settings.list('admin').length > 0) return noStore(errorResponse(409, 'SETUP_DONE', 'Parley already has an admin: sign in instead.'));
      if (!(await sessions.redeemInvite(token!))) return EXPIRED();
      const passwordHash = await hashPassword(body.value.password);
      let outcome: SaveOutcome;
      if (setup) {
        const id = body.value.id!.toLowerCase();
        outcome = await settings.save(
          [{ kind: 'admin', id, value: { id, name: body.value.name!, passwordHash }, expectedVersion: 0 }],
          'setup link',
          'created the first admin',
        );
      } else {
        outcome = await setPassword(settings, invite.role, invite.subjectId, passwordHash);
      }
      if (!outcome.ok) return noStore(errorResponse(409, 'INVITE_FAILED', 'The password could not be set; ask your admin for a new link.'));
      const signedIn =
        invite.role === 'agent'
          ? await sessions.signInAgent(invite.subjectId)
          : await sessions.signInAdmin(setup ? body.value.id!.toLowerCase() : invite.subjectId);
      return noStore(json(201, { role: invite.role, ...signedIn }));
    },
    bodyUpTo(SIGN_IN_BODY_BYTES),
  );
}

/** Puts a new password hash on the agent or admin the link is for, from whatever version they are at now. */
async function setPassword(settings: Settings, role: 'agent' | 'admin', id: string, passwordHash: string): Promise<SaveOutcome> {
  for (let attempt = 0; ; attempt++) {
    const record = settings.get(role, id.toLowerCase());
    if (!record || (record.kind !== 'agent' && record.kind !== 'admin')) return { ok: false, reason: 'conflict', kind: role, id, current: null };
    const outcome = await settings.save(
      [{ kind: role, id: record.id, value: { ...record.value, passwordHash }, expectedVersion: record.version }],
      `${role}:${record.id}`,
      'set their password from an invite link',
    );
    // Someone saved the record in between: try again from what they saved.
    if (outcome.ok || outcome.reason !== 'conflict' || attempt >= 2) return outcome;
  }
}
