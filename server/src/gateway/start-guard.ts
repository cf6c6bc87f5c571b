import { checkWelcomeForm, cleanAnswers, describeFormIssues, ErrorCode, type FormAnswers } from '@parley/shared';
import type { RoomEntry } from '../config/directory.js';
import { Refusal } from '../core/refusal.js';

/**
 * What a new conversation must pass before the hub sees it: the room is available (its rules
 * hold now), and the welcome form's answers follow the room's rules, the same ones the widget
 * checks. Returns the answers as they are stored (trimmed, empty ones left out).
 */
export function admitStart(entry: RoomEntry, form: FormAnswers, available: boolean): FormAnswers {
  if (!available) throw new Refusal(ErrorCode.ROOM_UNAVAILABLE, 'Nobody can take a new chat here right now; try again later.');
  const fields = entry.room.welcomeForm;
  const issues = checkWelcomeForm(fields, form);
  if (issues.length > 0) throw new Refusal(ErrorCode.FORM_INVALID, describeFormIssues(fields, issues));
  return cleanAnswers(fields, form);
}
