import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';
import { withTheme } from './withTheme.js';

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: '', title: 'Story default' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Writing direction around the components',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: '', title: 'Story default' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: '', direction: '' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Fail the a11y panel's check (and the Vitest addon, if used) on any violation.
    a11y: { test: 'error' },
  },
};

export default preview;
