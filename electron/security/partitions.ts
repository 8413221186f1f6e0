// Two sessions, never shared: Tandem's own UI (the control page and the browser bar) and the tabs
// the person browses on the open web. Cookies, storage and permissions stay on their side.
export const UI_PARTITION = 'persist:tandem-ui';
export const TABS_PARTITION = 'persist:tandem-tabs';
