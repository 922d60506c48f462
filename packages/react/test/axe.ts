import axe from 'axe-core';

/** Runs axe on `root` and returns a readable list of violations (empty when there are none). */
export async function axeViolations(root: Element = document.body): Promise<string[]> {
  const results = await axe.run(root, {
    resultTypes: ['violations'],
    rules: {
      // jsdom does not lay out or paint: rules that need pixels cannot run here.
      'color-contrast': { enabled: false },
      // A page-level rule ("all content inside landmarks"): a story shows one component, not a
      // page; Storybook's own a11y panel scopes it out the same way. The demo app's page scan keeps it.
      region: { enabled: false },
    },
  });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`),
  );
}
