import { defineConfig } from '@playwright/test';

// Browser tests against the built page (www/dist) served by `vite preview` on loopback, in
// Debian's Chromium: Playwright's own browser download is not available on these machines.
const port = Number(process.env.STANCEMAP_TEST_PORT ?? 4179);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'target/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['./tests/browser/summary-reporter.js']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'shared', testIgnore: /\.solo\.spec\.js$/ },
    // Measurements of the page's own timing (frame gaps during a 10 MB paste) run after the
    // others, alone: with two workers on two cores they would time the other tests instead.
    { name: 'solo', testMatch: /\.solo\.spec\.js$/, dependencies: ['shared'] },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
