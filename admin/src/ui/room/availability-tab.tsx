import type { AvailabilityPreview } from '@parley/shared';
import { type AvailabilityRule, type RoomConfig, WEEK_DAYS } from '@parley/shared/settings';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.js';
import { NumberField, Section, SelectField, TextField, useEditor } from '../fields.js';

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const NEW_RULES: Record<AvailabilityRule['type'], AvailabilityRule> = {
  hours: { type: 'hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
  readyAgents: { type: 'readyAgents', atLeast: 1 },
  waitingVisitors: { type: 'waitingVisitors', atMost: 10 },
};
const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** "Hidden from 18:00 (Europe/Paris, Friday)": when the answer changes next, on the room's clock. */
function describeNext(preview: AvailabilityPreview, timeZone: string): string {
  if (!preview.nextChange) return preview.visibleNow ? 'It stays visible until the figures change.' : 'It stays hidden until the figures change.';
  let when: string;
  try {
    when = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(preview.nextChange.at);
  } catch {
    when = new Date(preview.nextChange.at).toISOString();
  }
  return `${preview.nextChange.visible ? 'Visible' : 'Hidden'} from ${when} (${timeZone}).`;
}

/**
 * When the launcher shows: opening hours in the room's time zone, enough ready agents, not too
 * many waiting visitors, all or any of them. As the rules change the server says whether the
 * launcher would show now, with today's figures, and when that changes next.
 */
export function AvailabilityTab({ name }: { name: string }) {
  const { api } = useConsole();
  const editor = useEditor();
  const room = editor.value as RoomConfig;
  const rules = room.availability?.rules ?? [];
  const [preview, setPreview] = useState<AvailabilityPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      void api
        .post<AvailabilityPreview>(`/api/admin/rooms/${encodeURIComponent(name)}/availability`, { availability: room.availability, timeZone: room.timeZone })
        .then((result) => {
          if (result.ok) {
            setPreview(result.body);
            setProblem(null);
          } else setProblem(result.message);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [JSON.stringify(room.availability), room.timeZone]);

  const setRules = (next: AvailabilityRule[]) => editor.set(['availability', 'rules'], next);

  return (
    <>
      <Section title="Availability" description="No rules: the room always takes chats.">
        <div class="visible-now" role="status">
          {problem ? (
            <p>{problem}</p>
          ) : preview ? (
            <p>
              <strong>{preview.visibleNow ? 'Visible now.' : 'Hidden now.'}</strong> {describeNext(preview, room.timeZone)} Room time: {preview.localTime}.
            </p>
          ) : (
            <p>Checking…</p>
          )}
        </div>
        <TextField label="Time zone" path={['timeZone']} list="time-zones" hint="An IANA time zone, such as Europe/Paris." />
        <datalist id="time-zones">
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <SelectField
          label="The room takes chats when"
          path={['availability', 'match']}
          options={[
            ['all', 'all of the rules hold'],
            ['any', 'any of the rules holds'],
          ]}
        />
      </Section>
      <ol class="rules">
        {rules.map((rule, index) => (
          <li key={index} class="rule">
            <fieldset>
              <legend>Rule {index + 1}</legend>
              {rule.type === 'hours' && (
                <>
                  <fieldset class="days">
                    <legend>Days</legend>
                    {WEEK_DAYS.map((day) => (
                      <label key={day}>
                        <input
                          type="checkbox"
                          checked={rule.days.includes(day)}
                          onChange={(e) =>
                            editor.set(
                              ['availability', 'rules', index, 'days'],
                              e.currentTarget.checked ? WEEK_DAYS.filter((d) => d === day || rule.days.includes(d)) : rule.days.filter((d) => d !== day),
                            )
                          }
                        />{' '}
                        {DAY_NAMES[day]}
                      </label>
                    ))}
                  </fieldset>
                  <TextField label="Open from (HH:MM)" path={['availability', 'rules', index, 'from']} type="time" />
                  <TextField
                    label="Until (HH:MM)"
                    path={['availability', 'rules', index, 'to']}
                    type="time"
                    hint="Past midnight (22:00 to 06:00) ends the next morning."
                  />
                </>
              )}
              {rule.type === 'readyAgents' && (
                <NumberField label="At least this many agents ready" path={['availability', 'rules', index, 'atLeast']} min={0} />
              )}
              {rule.type === 'waitingVisitors' && (
                <NumberField label="At most this many visitors waiting" path={['availability', 'rules', index, 'atMost']} min={0} />
              )}
              <button type="button" class="danger" onClick={() => setRules(rules.filter((_, i) => i !== index))}>
                Remove rule {index + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div class="add-rules">
        <button type="button" onClick={() => setRules([...rules, NEW_RULES.hours])}>
          Add opening hours
        </button>{' '}
        <button type="button" onClick={() => setRules([...rules, NEW_RULES.readyAgents])}>
          Add "agents ready"
        </button>{' '}
        <button type="button" onClick={() => setRules([...rules, NEW_RULES.waitingVisitors])}>
          Add "visitors waiting"
        </button>
      </div>
    </>
  );
}
