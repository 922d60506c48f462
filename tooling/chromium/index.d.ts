/** `executablePath` ($CHROMIUM_PATH or /usr/bin/chromium), `headless` and the flags. */
export function chromiumLaunchOptions(): {
  executablePath: string;
  headless: true;
  args: string[];
};
