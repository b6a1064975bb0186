// Component tests: jest-dom matchers, a fresh IndexedDB per file, and the DOM cleaned after each test.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
