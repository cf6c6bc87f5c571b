import type { ProfileRecord, SettingsIssue } from '@parley/shared';
import { PublicProfile as ProfileSchema, type PublicProfile } from '@parley/shared/settings';
import type { ApiResult } from '../api/admin-api.js';
import { pathName } from '../state/paths.js';
import { ConflictBanner } from './conflict-banner.js';
import { useConsole } from './console-context.js';
import { EditorContext, NumberField, Section, TextField } from './fields.js';
import { SaveBar } from './save-bar.js';
import { SERVICE_LEVEL_FIELDS } from './service-level-fields.js';
import { useRecordEditor } from './use-record-editor.js';

const asRecord = (result: ApiResult<ProfileRecord>): ApiResult<{ version: number; value: PublicProfile }> =>
  result.ok ? { ...result, body: { version: result.body.version, value: result.body.profile } } : result;

function checkProfile(profile: PublicProfile): SettingsIssue[] {
  const parsed = ProfileSchema.safeParse(profile);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ record: null, path: pathName(issue.path as (string | number)[]), message: issue.message }));
}

/** The company name and contact email emails to visitors are sent under, unless a room sets its own. */
export function ProfilePage() {
  const { api } = useConsole();
  const profile = useRecordEditor<PublicProfile>(
    {
      key: 'profile:global',
      load: () => api.get<ProfileRecord>('/api/admin/profile').then(asRecord),
      save: (version, value) => api.put<ProfileRecord>('/api/admin/profile', { version, profile: value }).then(asRecord),
      check: checkProfile,
    },
    [],
  );
  const { state } = profile;
  if (state.status === 'loading') return <p role="status">Loading…</p>;
  return (
    <>
      <h1>Public profile</h1>
      {state.conflict && <ConflictBanner conflict={state.conflict} onKeepMine={profile.keepMine} onTakeTheirs={profile.takeTheirs} />}
      <EditorContext.Provider value={profile.editor}>
        <Section title="Emails to visitors" description="Sent under this name, answered to this address. A room's own public profile wins, field by field.">
          <TextField label="Company name" path={['companyName']} />
          <TextField label="Contact email" path={['contactEmail']} type="email" />
        </Section>
        <Section
          title="Response targets and timers for every room"
          description="Each room may set its own (Chat assignment tab); what it leaves empty comes from here. Empty here: off."
        >
          {SERVICE_LEVEL_FIELDS.map((field) => (
            <NumberField
              key={field.key}
              label={field.label}
              path={['serviceLevels', field.key]}
              min={field.min}
              max={field.max}
              hint={field.key === 'warningPercent' ? 'Default 80.' : undefined}
            />
          ))}
        </Section>
      </EditorContext.Provider>
      <SaveBar dirty={profile.dirty} saving={state.saving} notice={state.notice} onSave={profile.save} onDiscard={profile.discard} />
    </>
  );
}
