import type { Connection } from '../console/console-controller.js';

type Props = { connection: Connection; now: number; onRetry: () => void };

/** Says when the console is not live, and when it tries again; silent while connected. */
export function ConnectionBanner({ connection, now, onRetry }: Props) {
  const { state, retryAt } = connection;
  let text: string | null = null;
  if (state === 'idle' || state === 'connecting' || state === 'listening' || state === 'greeting') text = 'Connecting…';
  if (state === 'offline') text = 'You are offline. The console reconnects as soon as the network is back; nothing you write is lost.';
  if (state === 'retrying') {
    const seconds = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
    text = `Connection lost. Reconnecting in ${seconds} s; nothing you write is lost.`;
  }
  return (
    <div class={`connection ${state}`} role="status" data-connection={state}>
      {text}
      {(state === 'retrying' || state === 'offline') && (
        <>
          {' '}
          <button type="button" onClick={onRetry}>
            Retry now
          </button>
        </>
      )}
    </div>
  );
}
