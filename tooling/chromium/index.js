/**
 * Launch options for Debian's Chromium under Playwright, shared by the demo's e2e tests, the
 * components' accessibility scan and the benchmarks. The background-networking flags matter:
 * without them Chromium keeps dialling Google's hosts, which this closed network refuses.
 * Plain JavaScript so a .mjs script can import it without a build.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
