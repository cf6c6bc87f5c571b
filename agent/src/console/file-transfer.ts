import { type AgentRoomSettings, type AttachmentKind, formatBytes, type UploadResponse } from '@parley/shared';

/** What the browser calls each kind of file the server accepts (the server itself reads the bytes). */
const MIME_KINDS: Record<string, AttachmentKind> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** The reason a file will not be accepted, before uploading it; null if it looks fine. */
export function checkFile(file: { type: string; size: number }, room: AgentRoomSettings | undefined): string | null {
  if (room && !room.agentAttachments) return 'This room does not take files from agents.';
  const kind = MIME_KINDS[file.type];
  const allowed = room?.attachmentTypes ?? Object.values(MIME_KINDS);
  if (!kind || !allowed.includes(kind)) return `Only these files can be sent: ${allowed.join(', ')}.`;
  if (room && file.size > room.attachmentMaxBytes) return `Files may be at most ${formatBytes(room.attachmentMaxBytes)}.`;
  if (file.size === 0) return 'The file is empty.';
  return null;
}

export type UploadResult = { ok: true; answer: UploadResponse } | { ok: false; message: string };

/** `POST /api/conversations/{id}/files` with the agent's token; the server answers with the stored file message. */
export async function uploadFile(token: string, conversationId: string, clientId: string, file: Blob & { name: string }): Promise<UploadResult> {
  let response: Response;
  try {
    response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-client-id': clientId, 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    return { ok: false, message: 'Not sent: no connection. Try again.' };
  }
  if (response.status === 201) return { ok: true, answer: (await response.json()) as UploadResponse };
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') return { ok: false, message: body.message };
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return { ok: false, message: `Not sent (${response.status}).` };
}

/** Downloads need the token in a header, so files come through fetch and are shown from blob URLs. */
export async function fetchFile(token: string, fileId: string): Promise<Blob> {
  const response = await fetch(`/api/files/${encodeURIComponent(fileId)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`file ${response.status}`);
  return response.blob();
}
