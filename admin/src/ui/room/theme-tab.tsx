import { publicSettings, type RoomConfig } from '@parley/shared/settings';
import { useState } from 'preact/hooks';
import { getIn } from '../../state/paths.js';
import { useConsole } from '../console-context.js';
import { fieldId, Section, SelectField, TextField, useEditor } from '../fields.js';
import { WidgetPreview } from './widget-preview.js';

const FONTS: [string, string][] = [
  ['system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', 'The visitor’s system font'],
  ['Georgia, "Times New Roman", serif', 'Serif (Georgia)'],
  ['"Helvetica Neue", Arial, sans-serif', 'Sans-serif (Helvetica, Arial)'],
  ['"Courier New", monospace', 'Monospace'],
];

const COLOURS: [keyof RoomConfig['theme'], string][] = [
  ['primaryColor', 'Main colour (launcher, header, buttons)'],
  ['primaryTextColor', 'Text on the main colour'],
  ['backgroundColor', 'Window background'],
  ['textColor', 'Window text'],
];

/** A colour: the picker and the hex code, both on the same setting. */
function ColourField({ label, path }: { label: string; path: (string | number)[] }) {
  const editor = useEditor();
  const value = (getIn(editor.value, path) as string | undefined) ?? '#000000';
  const id = fieldId(path);
  const full = /^#[0-9a-fA-F]{3}$/.test(value) ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value;
  const problem = editor.problem(path);
  return (
    <div class={problem ? 'field colour invalid' : 'field colour'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => editor.set(path, e.currentTarget.value)}
      />
      <input
        type="color"
        aria-label={`${label}: picker`}
        value={/^#[0-9a-fA-F]{6}$/.test(full) ? full : '#000000'}
        onInput={(e) => editor.set(path, e.currentTarget.value)}
      />
      {problem && (
        <p class="error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** Colours, font, logo and words of the chat window, beside the real widget drawing them. */
export function ThemeTab({ name }: { name: string }) {
  const { api } = useConsole();
  const editor = useEditor();
  const [upload, setUpload] = useState<string | null>(null);
  const room = editor.value as RoomConfig;

  const sendLogo = async (file: File | undefined) => {
    if (!file) return;
    setUpload('Uploading…');
    const result = await api.upload<{ logoUrl: string }>(`/api/admin/rooms/${encodeURIComponent(name)}/logo`, file);
    if (!result.ok) return setUpload(result.message);
    editor.set(['logoUrl'], result.body.logoUrl);
    setUpload('Logo uploaded: save to keep it.');
  };

  const preview = publicSettings(room, {
    name,
    privateAgent: null,
    available: true,
    email: { transcript: room.emailTranscript, leaveMessage: room.leaveMessage, alert: room.emailAlert },
  });

  return (
    <div class="with-preview">
      <div>
        <Section title="Colours and font">
          {COLOURS.map(([key, label]) => (
            <ColourField key={key} label={label} path={['theme', key]} />
          ))}
          <SelectField
            label="Font"
            path={['theme', 'fontFamily']}
            options={FONTS.some(([font]) => font === room.theme.fontFamily) ? FONTS : [...FONTS, [room.theme.fontFamily, `As set: ${room.theme.fontFamily}`]]}
          />
        </Section>
        <Section title="Branding">
          <TextField label="Company name" path={['companyName']} />
          <TextField label="Header" path={['header']} hint="Default: the room's label." />
          <TextField label="Sub-header" path={['subHeader']} />
          <TextField label="Greeting above the contact form" path={['greeting']} placeholder="Hi! We usually answer within minutes." />
          <TextField label="What visitors see agents called" path={['agentRole']} placeholder="Agent" hint='For example "Mechanic" or "Tutor".' />
          <div class="field">
            <label for="logo-file">Logo image</label>
            <input
              id="logo-file"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-describedby="logo-hint"
              onChange={(e) => void sendLogo(e.currentTarget.files?.[0])}
            />
            <p class="hint" id="logo-hint">
              PNG, JPEG, GIF or WebP, up to 512 KB.
            </p>
            {upload && <p role="status">{upload}</p>}
          </div>
          <TextField label="Logo address" path={['logoUrl']} type="url" hint="Filled in by the upload; any https address works too." />
        </Section>
        <Section title="Launcher">
          <SelectField
            label="Position"
            path={['launcherPosition']}
            options={[
              ['right', 'Bottom right'],
              ['left', 'Bottom left'],
            ]}
          />
        </Section>
      </div>
      <WidgetPreview settings={preview} />
    </div>
  );
}
