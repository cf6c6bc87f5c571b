/** How long one slice of a long loop may hold the event loop. */
const SLICE_MS = 4;

/**
 * Runs `each` over the items, giving the event loop a turn whenever a slice has taken SLICE_MS, so
 * that a loop over everything a compaction moved never pauses the server noticeably. The items
 * must not change meanwhile (a copy, or a set nobody else touches).
 */
export async function inSlices<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
  let sliceStarted = performance.now();
  let count = 0;
  for (const item of items) {
    each(item);
    // The clock is read every 8th item only: reading it costs more than the lightest items.
    if ((++count & 7) === 0 && performance.now() - sliceStarted >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}
