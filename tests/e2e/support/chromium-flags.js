// The flags every run of Debian's Chromium here starts with (Playwright's suite,
// the three-engine suite, the bench): root in a container, no GPU, and nothing
// of the browser's own that talks to the network or competes for the CPU.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
