import { z } from 'zod';

/** A whole-number environment variable between `min` and `max`, with a default; `unit` words the errors. */
export const int = (min: number, max: number, fallback: number, unit = '') =>
  z.coerce
    .number({ error: `must be a whole number${unit}` })
    .int(`must be a whole number${unit}`)
    .min(min, `must be at least ${min}${unit}`)
    .max(max, `must be at most ${max}${unit}`)
    .default(fallback);
