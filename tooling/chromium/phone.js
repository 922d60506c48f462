/**
 * The phone checks shared by the components' story scan and the demo's e2e tests: a phone
 * (390 x 844, mobile emulation, touch) and, in a page, what makes it unusable there: an element
 * wider than the viewport (the page scrolls sideways), or a primary action that cannot be
 * clicked (off screen, or covered by something else). Plain JavaScript for .mjs scripts.
 */

/** Playwright context options of the phone every check runs on. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

/** The primary actions: a form's submit, the kit's primary buttons, and marked ones. */
export const PRIMARY_ACTIONS =
  'button[type="submit"], .rk-button--primary, [data-primary-action], dialog button[autofocus]';

/**
 * Elements that stick out of the viewport sideways, unless clipped by an ancestor that
 * scrolls or hides its overflow (a table in its own scroll box is fine), and whether the
 * document itself scrolls sideways. Returns one line per problem; empty when none.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : ''
      }`;
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(
        `the page scrolls sideways: ${document.documentElement.scrollWidth}px > ${width}px`,
      );
    }
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        if (clipped(el)) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || (style.position === 'fixed' && r.width <= 1)) continue;
        problems.push(
          `${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px of ${width}px`,
        );
        if (problems.length >= 5) break;
      }
    }
    return problems;
  });
}

/**
 * Each visible primary action (PRIMARY_ACTIONS, or `selector`), scrolled into view, must be
 * the element a tap at its centre reaches. While a modal dialog is open only its actions count
 * (the page behind it is meant to be unreachable). Returns the problems and how many actions
 * it tried.
 */
export async function unclickableActions(page, selector = PRIMARY_ACTIONS) {
  const actions = page.locator(selector);
  const problems = [];
  let tried = 0;
  for (let i = 0; i < (await actions.count()); i++) {
    const action = actions.nth(i);
    if (!(await action.isVisible())) continue;
    const behindModal = await action.evaluate((el) => {
      const modal = document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]');
      return Boolean(modal && !modal.contains(el));
    });
    if (behindModal) continue;
    tried += 1;
    await action.scrollIntoViewIfNeeded();
    const problem = await action.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40);
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
        return `"${name}" is off screen at ${Math.round(x)},${Math.round(y)}`;
      }
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(el === hit || el.contains(hit))) {
        return `"${name}" is covered by ${hit ? hit.tagName.toLowerCase() : 'nothing'}`;
      }
      return null;
    });
    if (problem) problems.push(problem);
  }
  return { problems, tried };
}
