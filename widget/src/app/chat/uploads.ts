import type { AttachmentKind, ChatMessage, WidgetSettings } from '@parley/shared';
import { newClientId } from '@parley/shared/client';
import { FileCache, sendFile, type UploadFailure } from '../services/file-transfer.js';
import type { ChatState, UploadItem, UploadProblem } from './chat-state.js';

/** What each kind of file looks like before the server reads its first bytes (it alone decides). */
const KIND_HINTS: Record<AttachmentKind, { mime: string; extensions: string[] }> = {
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
};

/** The `accept` attribute of the file input, from the room's types. */
export function acceptList(types: readonly AttachmentKind[]): string {
  return types.flatMap((kind) => [KIND_HINTS[kind].mime, ...KIND_HINTS[kind].extensions.map((e) => `.${e}`)]).join(',');
}

/** The visitor's early warning; the server checks the type by content anyway. */
export function localProblem(file: File, attachments: WidgetSettings['attachments']): UploadProblem | null {
  if (file.size > attachments.maxBytes) return 'tooLarge';
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known = attachments.types.some((kind) => KIND_HINTS[kind].mime === file.type || KIND_HINTS[kind].extensions.includes(extension));
  return known ? null : 'type';
}

type UploadsHost = {
  state(): ChatState;
  update(patch: Partial<ChatState>): void;
  /** The server stored the file as a message of the conversation. */
  stored(message: ChatMessage): void;
};

/**
 * Files the visitor sends: checked here first, sent with progress, shown with a local preview
 * while they travel. The stored image then shows from that same preview: it is not downloaded back.
 */
export class Uploads {
  readonly files: FileCache;

  constructor(
    private readonly base: string,
    /** The room's attachment settings now (an admin may change them while the page is open). */
    private readonly attachments: () => WidgetSettings['attachments'],
    private readonly token: () => string | null,
    private readonly host: UploadsHost,
  ) {
    this.files = new FileCache(base, token);
  }

  send(file: File): void {
    const conversation = this.host.state().conversation;
    const token = this.token();
    const attachments = this.attachments();
    if (!conversation || conversation.status === 'ended' || !token || !attachments.visitor) return;
    const problem = localProblem(file, attachments);
    const isImage = !problem && file.type.startsWith('image/');
    const item: UploadItem = {
      clientId: newClientId('w'),
      at: Date.now(),
      name: file.name,
      size: file.size,
      previewUrl: isImage ? URL.createObjectURL(file) : null,
      progress: 0,
      problem,
    };
    this.host.update({ uploads: [...this.host.state().uploads, item] });
    if (problem) return;
    const url = `${this.base}api/conversations/${encodeURIComponent(conversation.id)}/files`;
    sendFile(url, token, item.clientId, file, (progress) => this.change(item.clientId, (current) => ({ ...current, progress }))).done.then(
      (response) => {
        if (response.message.kind === 'file' && item.previewUrl) this.files.prime(response.message.file.id, item.previewUrl);
        this.dismiss(item.clientId, false);
        this.host.stored(response.message);
      },
      (failure: UploadFailure) => {
        const reason: UploadProblem = failure.status === 413 ? 'tooLarge' : failure.status === 415 ? 'type' : 'failed';
        this.change(item.clientId, (current) => ({ ...current, problem: reason }));
      },
    );
  }

  /** Removes an upload from view (a refused one the visitor read, or one that became a message). */
  dismiss(clientId: string, release = true): void {
    const item = this.host.state().uploads.find((u) => u.clientId === clientId);
    if (!item) return;
    if (release && item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    this.host.update({ uploads: this.host.state().uploads.filter((u) => u !== item) });
  }

  private change(clientId: string, next: (current: UploadItem) => UploadItem): void {
    const uploads = this.host.state().uploads;
    if (uploads.some((u) => u.clientId === clientId)) this.host.update({ uploads: uploads.map((u) => (u.clientId === clientId ? next(u) : u)) });
  }
}
