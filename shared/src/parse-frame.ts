import type { z } from 'zod';
import { ErrorCode } from './codes.js';
import { describeIssues } from './issues.js';

export type FrameParseResult<T> = { ok: true; frame: T } | { ok: false; code: ErrorCode; message: string; ref?: string };

type FrameUnion = z.ZodDiscriminatedUnion<readonly z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>[]>;

/**
 * Hand-written checks for frame types that arrive constantly (a chat message): each returns the
 * frame as the union's schema would, or null where the schema would refuse it, and must agree
 * with the schema exactly (each has a test that proves it). A refusal still goes through zod,
 * for its error.
 */
export type FastChecks<F extends { type: string }> = { [K in F['type']]?: (raw: Record<string, unknown>) => Extract<F, { type: K }> | null };

/**
 * Parses one text frame against a union of frame schemas. Tells apart the three ways a frame can
 * be wrong, because a client fixes each differently: not JSON, a type this endpoint does not know,
 * or a known type with bad fields.
 */
export function createFrameParser<U extends FrameUnion>(
  union: U,
  fast: FastChecks<z.infer<U> & { type: string }> = {},
): (text: string) => FrameParseResult<z.infer<U>> {
  const knownTypes = new Set(union.options.map((option) => option.shape.type.value));
  const checks = new Map(Object.entries(fast) as [string, (raw: Record<string, unknown>) => z.infer<U> | null][]);
  return (text) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, code: ErrorCode.BAD_JSON, message: 'The frame is not valid JSON.' };
    }
    const type = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !knownTypes.has(type)) {
      return {
        ok: false,
        code: ErrorCode.UNKNOWN_TYPE,
        message: `Unknown frame type; expected one of: ${[...knownTypes].join(', ')}.`,
      };
    }
    const check = checks.get(type);
    const checked = check ? check(raw as Record<string, unknown>) : null;
    if (checked) return { ok: true, frame: checked };
    const parsed = union.safeParse(raw);
    if (!parsed.success) {
      const clientId = (raw as { clientId?: unknown }).clientId;
      return {
        ok: false,
        code: ErrorCode.BAD_FRAME,
        message: `Invalid ${type} frame: ${describeIssues(parsed.error).join('; ')}.`,
        ref: typeof clientId === 'string' ? clientId.slice(0, 64) : type,
      };
    }
    return { ok: true, frame: parsed.data };
  };
}
