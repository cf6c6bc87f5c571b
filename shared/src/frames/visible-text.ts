/**
 * Characters that show nothing: white space, soft hyphens, zero-width characters and joiners,
 * bidi marks, embeddings, overrides and isolates, word joiners, and the byte-order mark.
 */
const INVISIBLE = /^[\s\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]*$/;

/** Whether a message shows anything at all: one made only of invisible characters is refused as empty. */
export function hasVisibleText(text: string): boolean {
  return !INVISIBLE.test(text);
}
