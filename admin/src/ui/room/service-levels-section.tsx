import { type PublicProfile, resolveServiceLevels, type ServiceLevels } from '@parley/shared/settings';
import { useEffect, useState } from 'preact/hooks';
import { getIn } from '../../state/paths.js';
import { useConsole } from '../console-context.js';
import { NumberField, Section, useEditor } from '../fields.js';

const FROM = { room: 'set here', global: 'from the global profile', default: 'the default' } as const;

/**
 * A room's response targets, each with the value that applies and where it comes from: this
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
  const seconds = (ms: number) => (ms === 0 ? 'off' : `${ms / 1000} s`);
  return (
    <Section
      title="Response targets"
      description="How soon agents should reply; the console shows each chat's clock and the Supervisor tab lists breaches. Empty: the global profile's value."
    >
      <NumberField
        label="First reply within, seconds after accepting"
        path={['serviceLevels', 'firstResponseSeconds']}
        min={0}
        max={86400}
        hint={`Applies: ${seconds(applied.firstResponseMs)}, ${FROM[applied.from.firstResponseSeconds]}. 0 turns it off.`}
      />
      <NumberField
        label="Next reply within, seconds after a visitor's message"
        path={['serviceLevels', 'nextResponseSeconds']}
        min={0}
        max={86400}
        hint={`Applies: ${seconds(applied.nextResponseMs)}, ${FROM[applied.from.nextResponseSeconds]}. 0 turns it off.`}
      />
      <NumberField
        label="Warn at this share of the target, in percent"
        path={['serviceLevels', 'warningPercent']}
        min={1}
        max={99}
        hint={`Applies: ${applied.warningPercent}%, ${FROM[applied.from.warningPercent]}.`}
      />
    </Section>
  );
}
