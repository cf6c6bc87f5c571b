import { open } from 'node:fs/promises';
import { ATTACHMENT_MIME, ClientId, formatBytes, IMAGE_KINDS, type UploadResponse } from '@parley/shared';
import type { RoomConfig } from '@parley/shared/settings';
import type { Directory } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import type { Party } from '../core/party.js';
import { randomId } from '../core/random-id.js';
import { Refusal } from '../core/refusal.js';
import { cleanFileName, detectKind, nameForKind } from '../files/detect-kind.js';
import type { UploadAllowance, UploadAsk } from '../files/upload-allowance.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { Sessions } from '../sessions/sessions.js';
import type { ConversationRecord, FileStore } from '../store/store.js';
import { errorResponse, json } from '../transport/json-response.js';
import type { HttpRequest, HttpResponse } from '../transport/transport.js';
import { bearer } from './bearer.js';
import type { RouteAdmission, Router } from './router.js';

/**
 * Authentication is the session token in `Authorization`, never a cookie, so any origin may call
 * these (the widget runs on customers' sites) without opening them to cross-site requests.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, x-client-id, x-file-name',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '86400',
} as const;

export type FileRouteDeps = { owner: OwnerApi; directory: Directory; sessions: Sessions; files: FileStore; clock: Clock; uploads: UploadAllowance };

async function partyOf(request: HttpRequest, sessions: Sessions): Promise<Party | null> {
  const token = bearer(request);
  return token ? sessions.party(token) : null;
}

type UploadTarget = { party: Party; clientId: string; record: ConversationRecord; room: RoomConfig; tooLarge: HttpResponse; ask: UploadAsk };

/** The first bytes of a spooled upload: what its kind is read from. */
async function firstBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function refusal(status: number, error: string, message: string, headers: Record<string, string> = {}): HttpResponse {
  return errorResponse(status, error, message, { ...CORS, ...headers });
}

/**
 * Attachments. Upload: `POST /api/conversations/{id}/files` with the bytes as the body; the type
 * is read from the content, the room decides who may send what and how large. Download:
 * `GET /api/files/{id}`, only for the conversation's visitor and agent, with nosniff, a sandboxing
 * CSP, and as a download unless it is an image.
 */
export function addFileRoutes(router: Router, { owner, directory, sessions, files, clock, uploads }: FileRouteDeps): void {
  /** Who uploads into which chat of which room, from the headers alone: checked before the body is read, and again after. */
  const uploadTarget = async (request: HttpRequest, id: string): Promise<UploadTarget | HttpResponse> => {
    const party = await partyOf(request, sessions);
    if (!party) return refusal(401, 'NOT_SIGNED_IN', 'Send your session token as Authorization: Bearer.');
    const clientId = ClientId.safeParse(request.header('x-client-id'));
    if (!clientId.success) return refusal(400, 'BAD_REQUEST', 'X-Client-Id must be an id of up to 64 letters, digits, _ . : -');
    let record: ConversationRecord;
    try {
      record = await owner.writable(party, id);
    } catch (error) {
      if (error instanceof Refusal) return refusal(error.code === 'CONVERSATION_ENDED' ? 409 : 403, error.code, error.message);
      throw error;
    }
    const room = directory.room(record.room);
    if (!room) return refusal(404, 'NOT_FOUND', 'This room no longer exists.');
    if (!(party.kind === 'visitor' ? room.visitorAttachments : room.agentAttachments)) {
      return refusal(403, 'ATTACHMENTS_DISABLED', 'This chat does not accept files.');
    }
    const tooLarge = refusal(413, 'FILE_TOO_LARGE', `Files may be at most ${formatBytes(room.attachmentMaxBytes)}.`);
    const declared = Number(request.header('content-length') ?? room.attachmentMaxBytes);
    if (declared > room.attachmentMaxBytes) return tooLarge;
    const ask = { party, network: request.remoteAddress, conversationId: record.id, bytes: declared };
    const refused = await uploads.check(ask);
    if (refused) {
      return refusal(
        refused.status,
        refused.code,
        refused.message,
        refused.retryAfterSeconds === null ? {} : { 'retry-after': String(refused.retryAfterSeconds) },
      );
    }
    return { party, clientId: clientId.data, record, room, tooLarge, ask };
  };

  const admitUpload: RouteAdmission = async (request, { id }) => {
    const target = await uploadTarget(request, id!);
    // Someone signed in is told why, once their browser has sent the rest; anyone else is cut off.
    if ('status' in target) return { refuse: target, drain: target.status !== 401 };
    // Where the store keeps files on this disk, the upload is written there as it arrives, not held in memory.
    return { maxBytes: target.room.attachmentMaxBytes, tooLarge: target.tooLarge, ...(files.spool ? { spool: files.spool.folder } : {}) };
  };

  router.add(
    'POST',
    '/api/conversations/:id/files',
    async (request, { id }) => {
      const target = await uploadTarget(request, id!);
      if ('status' in target) return target;
      const { party, clientId, record, room } = target;
      const size = request.spooled?.bytes ?? request.body.length;
      if (size === 0) return refusal(400, 'EMPTY_FILE', 'The file is empty.');
      if (size > room.attachmentMaxBytes) return target.tooLarge;
      const kind = detectKind(request.spooled ? await firstBytes(request.spooled.path) : request.body);
      if (!kind || !room.attachmentTypes.includes(kind)) {
        return refusal(415, 'FILE_TYPE_NOT_ALLOWED', `Only these files are accepted: ${room.attachmentTypes.join(', ')}.`);
      }
      const file = {
        id: randomId(),
        name: nameForKind(cleanFileName(request.header('x-file-name')), kind),
        size,
        kind,
        mime: ATTACHMENT_MIME[kind],
      };
      let ack: Awaited<ReturnType<typeof owner.sendFile>>['ack'];
      let message: Awaited<ReturnType<typeof owner.sendFile>>['message'];
      try {
        const stored = { ...file, conversationId: record.id, uploadedAt: clock.now() };
        if (request.spooled && files.spool) await files.spool.adopt(stored, request.spooled.path);
        else await files.put(stored, request.body);
        ({ ack, message } = await owner.sendFile(party, record.id, clientId, file));
        await uploads.count({ ...target.ask, bytes: file.size });
      } catch (error) {
        // "Not now" (a full disk, Redis away): nothing was kept; the client may send it again later.
        if (error instanceof Refusal && error.code === 'UNAVAILABLE') return refusal(507, error.code, error.message, { 'retry-after': '30' });
        throw error;
      }
      const answer: UploadResponse = { conversationId: ack.conversationId, clientId: ack.clientId, seq: ack.seq, at: ack.at, message };
      return json(201, answer, CORS);
    },
    admitUpload,
  );

  router.add('GET', '/api/files/:id', async (request, { id }) => {
    // `?key=`: a link from an emailed transcript, good for that conversation's files until it expires.
    const key = request.query.get('key');
    const party = key ? null : await partyOf(request, sessions);
    if (!key && !party) return refusal(401, 'NOT_SIGNED_IN', 'Send your session token as Authorization: Bearer.');
    const found = await files.get(id!);
    const allowed =
      found &&
      (key
        ? (await sessions.filesGrant(key)) === found.file.conversationId
        : await owner.readable(party!, found.file.conversationId).then(
            () => true,
            () => false,
          ));
    if (!found || !allowed) return refusal(404, 'NOT_FOUND', 'No such file.');
    const { file, bytes } = found;
    const disposition = IMAGE_KINDS.has(file.kind) ? 'inline' : 'attachment';
    return {
      status: 200,
      headers: {
        ...CORS,
        'content-type': file.mime,
        'x-content-type-options': 'nosniff',
        'content-disposition': `${disposition}; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, max-age=86400',
      },
      body: bytes,
    };
  });

  for (const path of ['/api/conversations/:id/files', '/api/files/:id']) router.add('OPTIONS', path, () => ({ status: 204, headers: CORS }));
}
