/**
 * Where the widget keeps things, per Parley server (the visitor's token serves every room of it)
 * and per room (what is open there).
 */
export function storageKeys(base: string, room: string) {
  const server = `parley:${new URL(base).host}`;
  return {
    /** The visitor's session token, minted by the server. */
    token: `${server}:token`,
    /** Set while the visitor has a conversation in this room: the next page loads the chat app at once. */
    active: `${server}:${room}:active`,
    /** Messages typed but not yet acknowledged, sent again after a reload (the server stores each once). */
    outbox: `${server}:${room}:outbox`,
    /** The text answers of the visitor's last welcome form here: a returning visitor does not type them again. */
    answers: `${server}:${room}:answers`,
    /** Whether the chat window was open, so the next page shows it the same way. */
    open: `${server}:${room}:open`,
  };
}
