/** What the script tag may add to a room's settings, from its `data-` attributes. */
export type EmbedOptions = {
  /** `data-position="left|right"`: which side the launcher sits, whatever the room's setting. */
  position: 'left' | 'right' | null;
  /** `data-open-after="N"`: the chat window opens by itself N seconds after the page did (once a visit). */
  openAfterMs: number | null;
  /** `data-whisper="…"`: a line shown beside the launcher… */
  whisper: string | null;
  /** …after `data-whisper-after="N"` seconds on the page (default 15). */
  whisperAfterMs: number;
};

const seconds = (value: string | undefined): number | null => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, 3600) * 1000 : null;
};

/** The options as the page wrote them, each checked; anything else is ignored. */
export function embedOptions(raw: Readonly<Record<string, string | undefined>>): EmbedOptions {
  const whisper = raw.whisper?.trim().slice(0, 140) || null;
  return {
    position: raw.position === 'left' || raw.position === 'right' ? raw.position : null,
    openAfterMs: seconds(raw.openAfter),
    whisper,
    whisperAfterMs: seconds(raw.whisperAfter) ?? 15_000,
  };
}
