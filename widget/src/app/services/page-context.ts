import { Limits } from '@parley/shared/limits';

/** Where the visitor is, for the agent: the page, where they came from, their time zone and language. */
export function pageContext() {
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    timeZone = ''; // very old Intl: the agent simply does not see it
  }
  return {
    url: location.href.slice(0, Limits.url),
    title: document.title.slice(0, Limits.pageTitle),
    referrer: document.referrer.slice(0, Limits.url),
    timeZone: timeZone.slice(0, Limits.timeZone),
    language: (navigator.language || '').slice(0, Limits.language),
  };
}
