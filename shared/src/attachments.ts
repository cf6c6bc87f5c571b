import type { z } from 'zod';
import { AckFrame } from './frames/common.js';
import type { AttachmentKind } from './message.js';
import { ChatMessage } from './message.js';

/** MIME type sent with each kind of file. */
export const ATTACHMENT_MIME: Record<AttachmentKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

export const IMAGE_KINDS: ReadonlySet<AttachmentKind> = new Set(['png', 'jpeg', 'gif', 'webp']);

/**
 * `POST /api/conversations/{id}/files`: the body is the file's bytes. Headers:
 * `Authorization: Bearer <visitor or agent token>`, `X-Client-Id` (idempotency, like a message's
 * clientId) and `X-File-Name` (URI-encoded). 201 answers with the stored file message; the other
 * party receives it as a `message` frame.
 */
export const UploadResponse = AckFrame.omit({ type: true }).extend({ message: ChatMessage });
export type UploadResponse = z.infer<typeof UploadResponse>;
