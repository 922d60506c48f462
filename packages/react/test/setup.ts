import '@testing-library/jest-dom/vitest';
import './dialogPolyfill.js';
import { setProjectAnnotations } from '@storybook/react-vite';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import * as preview from '../.storybook/preview.js';

// The portable stories get the same decorators and parameters as Storybook itself.
const annotations = setProjectAnnotations([preview]);
beforeAll(annotations.beforeAll);
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});
