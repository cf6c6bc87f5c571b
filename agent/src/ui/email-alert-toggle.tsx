type Props = { enabled: boolean; connected: boolean; onChange: (enabled: boolean) => void };

/**
 * The email alert, from the agent's side: an email when a waiting visitor asks to be told
 * that an agent is free. The server keeps the choice (it follows the agent to every device), so
 * the box shows what the server holds and turns when the server confirms.
 */
export function EmailAlertToggle({ enabled, connected, onChange }: Props) {
  return (
    <label class="email-alert-toggle">
      <input
        type="checkbox"
        checked={enabled}
        disabled={!connected}
        onChange={(e) => {
          const wanted = e.currentTarget.checked;
          e.currentTarget.checked = enabled;
          onChange(wanted);
        }}
      />{' '}
      Email me when a visitor asks for an alert
    </label>
  );
}
