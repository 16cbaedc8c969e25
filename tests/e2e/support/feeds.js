// Feeds made up for tests, in the shape of the sample.
import { SAMPLE_FEED } from './sites.js';

/** The sample feed with `items` in front (newest first) and optional edits. */
export function feedWith(items = [], { drop = [], edit = {} } = {}) {
  const kept = SAMPLE_FEED.items
    .filter((item) => !drop.includes(item.id))
    .map((item) => (edit[item.id] ? { ...item, ...edit[item.id] } : item));
  return { ...SAMPLE_FEED, items: [...items, ...kept] };
}

export function flash(id, time, title, extra = {}) {
  return { id, title, date_published: `2024-12-27T${time}:00+02:00`, ...extra };
}
