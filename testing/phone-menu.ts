// The phone page's slim bar as a person uses it in a test: "More" opens the menu that holds
// forward, reload, follow, copy, the PC's tabs, the layout and the language; find opens as a bar
// at the bottom from that menu.
import type { Page } from 'playwright-core';

export async function openPhoneMenu(page: Page): Promise<void> {
  if ((await page.getAttribute('#menu-button', 'aria-expanded')) !== 'true') {
    await page.click('#menu-button');
  }
  await page.locator('#menu').waitFor();
}

export async function openPhoneFind(page: Page): Promise<void> {
  if (await page.locator('#find-form').isVisible()) return;
  await openPhoneMenu(page);
  await page.click('#open-find');
  await page.locator('#find-form').waitFor();
}
