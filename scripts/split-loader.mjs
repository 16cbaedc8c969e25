// Changes to the JS loader that wasm-split-cli writes for the app's chunks
// (scripts/wasm-split.mjs applies them; the e2e tests apply them to a built copy).

/** How long a chunk's download may take in all before it is given up, in ms:
 *  the article chunk (~70 KB brotli) at 20 kbit/s. */
export const CHUNK_TIMEOUT_MS = 30_000;

/**
 * A chunk download that stalls (a mobile connection dropped without a reset)
 * never settles: the page it was asked for stays blank, with no notice and no
 * retry, and since the loader keeps a load under way for every later call, the
 * idle prefetch's stalled request is the one a click then waits on for good.
 * Each chunk's fetch gets a time limit: past it the load fails, the page shows
 * its retry notice (src/chunks.rs), and the next call starts a fresh download.
 * Throws when the loader has no chunk fetch of the expected form.
 */
export function withChunkTimeout(source, ms = CHUNK_TIMEOUT_MS) {
  const limited = source.replace(
    /fetch\(new URL\(("[^"]+\.wasm"), import\.meta\.url\)\)/g,
    `fetch(new URL($1, import.meta.url), typeof AbortSignal.timeout === "function" ? { signal: AbortSignal.timeout(${ms}) } : {})`,
  );
  if (limited === source)
    throw new Error('split loader: no chunk fetch of the form fetch(new URL("….wasm", import.meta.url))');
  return limited;
}
