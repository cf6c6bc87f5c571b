import { LinesField, Section } from '../fields.js';

/** Which sites may show this room's widget. */
export function DomainsTab() {
  return (
    <Section title="Allowed domains" description="Only pages on these sites get the widget; Parley's own pages always do. An empty list allows every site.">
      <LinesField
        label="Domains, one a line"
        path={['whitelistedDomains']}
        rows={6}
        hint="example.com, *.example.com for its subdomains, optionally with :port. A page not listed gets no widget from its next load."
      />
    </Section>
  );
}
