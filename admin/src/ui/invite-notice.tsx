import type { InviteLink } from '@parley/shared';
import { CopyButton } from './copy-button.js';

/** A one-time link to hand to someone, with until when it works. */
export function InviteNotice({ who, link }: { who: string; link: InviteLink }) {
  return (
    <div class="invite" role="status">
      <p>
        Send {who} this link to set their password. It works once, until {new Date(link.expiresAt).toLocaleString()}.
      </p>
      <input class="code" readOnly aria-label={`Invite link for ${who}`} value={link.url} />
      <CopyButton text={link.url} label="Copy the link" />
    </div>
  );
}
