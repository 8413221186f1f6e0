// The tests' and benchmarks' Chromium: the browser the product would find (TANDEM_CHROMIUM or the
// OS's usual places), headless, with the background traffic and first-run screens turned off so a
// test sees only what it caused. The product's own browser host keeps its own launch.
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../agent/browser/find-chromium.js';

export const TEST_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface TestChromiumOptions {
  /** Extra switches after the shared ones, such as `--host-resolver-rules=…`. */
  extraArgs?: readonly string[];
}

export function launchTestChromium(options: TestChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...TEST_CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
}
