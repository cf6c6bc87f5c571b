import { format } from '../../i18n/index.js';
import { ChatMenu } from './chat-menu.js';
import { Icon } from './icons.js';
import { useWidget } from './widget-context.js';

/** The branding: logo, company name, header and sub-header, in the room's colours. */
export function Header() {
  const { settings, strings, layout, close } = useWidget();
  const { companyName, logoUrl, header, subHeader } = settings.branding;
  return (
    <div class="head">
      {logoUrl && <img src={logoUrl} alt={companyName ? format(strings.logo, { company: companyName }) : ''} referrerpolicy="no-referrer" />}
      <div class="titles">
        {companyName && <p class="company">{companyName}</p>}
        <h2 class="title" id="pw-title">
          {header}
        </h2>
        {subHeader && <p class="subtitle">{subHeader}</p>}
      </div>
      <ChatMenu />
      {layout === 'launcher' && (
        <button type="button" class="icon-button" aria-label={strings.close} onClick={close}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
