/** Builds an element; children are nodes or text (never parsed as HTML), attributes set as given. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  return element;
}

export const badge = (value) => h('span', { class: `badge ${value}` }, String(value).replace('_', ' '));

export function time(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }));
}

function every(seconds) {
  for (const [unit, size] of [['day', 86_400], ['h', 3600], ['min', 60]]) {
    if (seconds % size === 0) {
      const n = seconds / size;
      return unit === 'day' ? `every ${n === 1 ? 'day' : `${n} days`}` : `every ${n} ${unit}`;
    }
  }
  return `every ${seconds} s`;
}

/** A job's schedule in words: "daily at 17:00", "every 60 s in market hours", "cron 30 16 * * 1-5". */
export function scheduleInWords(job) {
  if (!job.interval_seconds && !job.cron && !job.schedule_time) return job.run_after?.length ? `after ${job.run_after.length} other job${job.run_after.length === 1 ? '' : 's'} (chain only)` : 'no schedule';
  const base = job.interval_seconds ? every(job.interval_seconds) : job.cron ? `cron ${job.cron}` : `daily at ${job.schedule_time}`;
  return `${base}${job.market_hours_only ? ' in market hours' : ''} (${job.timezone})`;
}

export const symbolsText = (ids, max = 6) => (ids.length > max ? `${ids.slice(0, max).join(', ')} +${ids.length - max}` : ids.join(', '));

export function lastResult(result) {
  if (!result) return h('span', { class: 'muted' }, 'never ran');
  return h('span', {}, badge(result.status), ` ${result.fetched_count} ok, ${result.failed_count} failed`);
}

export function progressBar(run) {
  const { done, total } = run.progress ?? { done: 0, total: 0 };
  return h('progress', { max: Math.max(total, 1), value: done, 'aria-label': `${run.job_name ?? run.job_id}: ${done} of ${total} symbols`, 'data-run-id': run.run_id });
}

export function failure(message) {
  return h('p', { class: 'error', role: 'alert' }, message);
}
