import type { Decorator } from '@storybook/react-vite';

/**
 * Wraps every story in a surface carrying the theme (`parameters.theme` or the toolbar's
 * `theme` global), the writing direction (`parameters.dir` or the `direction` global: the
 * RTL stories set `dir: 'rtl'`) and, for narrow-viewport stories, `parameters.maxWidth`.
 */
export const withTheme: Decorator = (Story, context) => {
  const theme =
    (context.globals.theme as string | undefined) || context.parameters.theme || 'light';
  const dir = (context.globals.direction as string | undefined) || context.parameters.dir || 'ltr';
  const maxWidth = context.parameters.maxWidth as number | undefined;
  return (
    <div
      data-theme={theme}
      dir={dir}
      className="rk-root"
      style={{ padding: 16, maxWidth, background: 'var(--rk-color-bg)' }}
    >
      <Story />
    </div>
  );
};
