import { z } from 'zod';
import { AgentProfile } from './frames/agent.js';

/** `POST /api/agent/sessions`: sign in. */
export const SignInRequest = z.object({
  id: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** 201 answer: present `token` in the agent `hello` frame and as `Authorization: Bearer` over HTTP. */
export const SignInResponse = z.object({
  token: z.string(),
  agent: AgentProfile,
  expiresAt: z.number().int(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** Every HTTP error answer other than the statistics endpoints' has this shape. */
export const HttpErrorBody = z.object({
  error: z.string(),
  message: z.string(),
});
export type HttpErrorBody = z.infer<typeof HttpErrorBody>;
