import { ensureWidgetBuilt } from '../../../widget/scripts/ensure-built.js';

/** Vitest global setup: the browser tests need `widget/dist`, built from the current sources. */
export default function setup(): void {
  ensureWidgetBuilt();
}
