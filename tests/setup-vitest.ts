import { afterEach } from 'vitest';

// DOM matchers and Testing Library's cleanup only where there is a DOM: the Node-environment
// tests (selectors, parsers) do not pay for loading them.
if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
