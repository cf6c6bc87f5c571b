import { type PublicProfile, resolveServiceLevels, type ServiceLevels } from '@parley/shared/settings';
import { useEffect, useState } from 'preact/hooks';
import { getIn } from '../../state/paths.js';
import { useConsole } from '../console-context.js';
import { NumberField, Section, useEditor } from '../fields.js';
import { SERVICE_LEVEL_FIELDS } from '../service-level-fields.js';

const FROM = { room: 'set here', global: 'from the global profile', default: 'the default' } as const;

/**
 * A room's response targets and timers, each with the value that applies and where it comes from: this
 * room, the global profile (Public profile page), or the default (off; warning at 80%).
 */
export function ServiceLevelsSection() {
  const editor = useEditor();
  const { api } = useConsole();
  const [global, setGlobal] = useState<ServiceLevels | undefined>(undefined);
  useEffect(() => {
    void api.get<{ profile: PublicProfile }>('/api/admin/profile').then((result) => result.ok && setGlobal(result.body.profile.serviceLevels));
  }, []);
  const own = getIn(editor.value, ['serviceLevels']) as ServiceLevels | undefined;
  const applied = resolveServiceLevels(own, global);
  return (
    <Section
      title="Response targets and timers"
      description="How soon agents should reply (the console shows each chat's clock; the Supervisor tab lists breaches and quiet agents), the longest wait, and inactivity. Empty: the global profile's value; 0 turns one off."
    >
      {SERVICE_LEVEL_FIELDS.map((field) => (
        <NumberField
          key={field.key}
          label={field.label}
          path={['serviceLevels', field.key]}
          min={field.min}
          max={field.max}
          hint={`Applies: ${field.applied(applied)}, ${FROM[applied.from[field.key]]}.`}
        />
      ))}
    </Section>
  );
}
