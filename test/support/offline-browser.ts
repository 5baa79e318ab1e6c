// Headless Chromium with the network off: a page may load file:// URLs only. Every other request
// it makes is refused and recorded, and so is every load a Content-Security-Policy blocked (those
// never become requests), so that a test can assert that a page loads nothing from anywhere.
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./chromium.js";

export interface OfflinePage {
  page: Page;
  /** Requests to anything but file:// URLs, refused. */
  outside: string[];
  /** Loads a Content-Security-Policy blocked, as the browser reported them. */
  blocked: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
}

export interface OfflineBrowser {
  open(url: string): Promise<OfflinePage>;
  close(): Promise<void>;
}

export async function launchOfflineBrowser(): Promise<OfflineBrowser> {
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    async open(url) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      contexts.push(context);
      const opened: OfflinePage = { page: await context.newPage(), outside: [], blocked: [], errors: [] };
      await context.route("**/*", (route) => {
        const target = route.request().url();
        if (target.startsWith("file:")) return route.continue();
        opened.outside.push(target);
        return route.abort("internetdisconnected");
      });
      opened.page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) opened.blocked.push(message.text());
      });
      opened.page.on("pageerror", (error) => opened.errors.push(String(error)));
      await opened.page.goto(url, { waitUntil: "load" });
      return opened;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}
