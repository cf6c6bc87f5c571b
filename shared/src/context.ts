import { z } from 'zod';
import { Limits } from './limits.js';

/**
 * What the widget tells the server about where the visitor is, shown to the agent as context.
 * All of it is the visitor's claim, so it is length-limited and always displayed as text.
 */
export const VisitorContext = z.object({
  url: z.string().max(Limits.url).optional(),
  title: z.string().max(Limits.pageTitle).optional(),
  referrer: z.string().max(Limits.url).optional(),
  /** IANA time zone, so the agent can see the visitor's local time. */
  timeZone: z.string().max(Limits.timeZone).optional(),
  /** BCP 47 language tag of the visitor's browser. */
  language: z.string().max(Limits.language).optional(),
});
export type VisitorContext = z.infer<typeof VisitorContext>;

/** Welcome-form answers: field key to text, or to a boolean for checkboxes. */
export const FormAnswers = z
  .record(z.string().min(1).max(Limits.formKey), z.union([z.string().max(Limits.formValue), z.boolean()]))
  .refine((answers) => Object.keys(answers).length <= Limits.formFields, {
    message: `at most ${Limits.formFields} fields`,
  });
export type FormAnswers = z.infer<typeof FormAnswers>;
