/** The part of a Playwright Page the checks use (structural: this package depends on no Playwright). */
export interface CheckedPage {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's evaluate is generic over any function
  evaluate(fn: any, arg?: any): Promise<any>;
  // biome-ignore lint/suspicious/noExplicitAny: a Playwright Locator
  locator(selector: string): any;
}

/** Playwright context options of the phone every check runs on (390 x 844, mobile, touch). */
export const PHONE: {
  viewport: { width: number; height: number };
  screen: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: true;
  hasTouch: true;
};
/** The primary actions' selector. */
export const PRIMARY_ACTIONS: string;
/** Elements sticking out of the viewport sideways (not clipped by a scroll box); one line each. */
export function horizontalOverflow(page: CheckedPage): Promise<string[]>;
/** Visible primary actions that a tap at their centre does not reach. */
export function unclickableActions(
  page: CheckedPage,
  selector?: string,
): Promise<{ problems: string[]; tried: number }>;
