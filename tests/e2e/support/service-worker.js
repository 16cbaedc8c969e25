// Waiting for the app's service worker (public/sw.js), shared by the offline specs.

/** Resolves once the service worker controls `page` (installed, its shell kept). */
export async function untilControlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}
