import type { Notice } from '../state/console-state.js';

/** Refusals and hints from the server, until dismissed. */
export function NoticeList({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  return (
    <div class="notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.id} class={`notice ${notice.tone}`}>
          {notice.text}{' '}
          <button type="button" onClick={() => onDismiss(notice.id)}>
            Dismiss<span class="sr-only"> this notice</span>
          </button>
        </p>
      ))}
    </div>
  );
}
