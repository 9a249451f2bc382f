import { api, ApiError } from './api.js';
import { failure, h, time } from './dom.js';
import { DATASETS } from './jobs.js';

const INTERVALS = ['1m', '5m', '15m', '30m', '60m', '1h', '1d', '1wk', '1mo'];
// [field, label, input type, options or hint]
const FIELDS = [
  ['timezone', 'Time zone (IANA)', 'text', 'e.g. America/New_York; empty: the scheduler’s'],
  ['market_hours_only', 'Only in NYSE market hours', 'yes-no'],
  ['is_active', 'Active (scheduled)', 'checkbox'],
  ['data_interval', 'Bar interval (historical_prices)', 'select', INTERVALS],
  ['lookback_days', 'Lookback days (historical_prices)', 'number'],
  ['start_date', 'Start date (historical_prices)', 'date'],
  ['end_date', 'End date (historical_prices)', 'date'],
  ['write_snapshot', 'Also write the window snapshot key', 'checkbox'],
  ['prefix', 'Key prefix', 'text', 'default scheduled_stock_data'],
  ['expirations', 'Expirations (options_chain)', 'number'],
  ['news_count', 'Articles per symbol (news_data)', 'number'],
  ['retention_days', 'Retention days (time series)', 'number'],
  ['countries', 'Countries (economic_events)', 'text', 'ISO codes, e.g. US, EU'],
  ['providers', 'Providers, in order', 'text', 'e.g. yahoo, finnhub; empty: the configured chain'],
  ['misfire_grace_seconds', 'Catch-up grace (s)', 'number'],
  ['priority', 'Priority (1–10, higher first)', 'number'],
  ['run_after', 'Runs after jobs (ids)', 'text', 'job ids, comma separated: a run of each starts this job'],
  ['run_after_on', 'Runs after their', 'select', ['success', 'completed', 'any']],
  ['notify_email', 'Mail on run end to', 'text', 'addresses, comma separated (needs SMTP_URL)'],
];
const SCHEDULES = [['', 'The dataset’s default'], ['schedule_time', 'Daily at (HH:MM)'], ['cron', 'Cron expression'], ['interval_seconds', 'Every N seconds'], ['chain_only', 'Only after other jobs (run_after)']];
const LISTS = new Set(['stock_ids', 'countries', 'providers', 'run_after', 'notify_email']);
const NUMBERS = new Set(['lookback_days', 'expirations', 'news_count', 'retention_days', 'misfire_grace_seconds', 'interval_seconds', 'priority']);

/** A symbol list as pasted: comma, space or newline separated. */
export const splitList = (text) => text.split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean);

function field(name, label, control, hint) {
  return h('div', { class: `field${name === 'stock_ids' || name === 'name' ? ' wide' : ''}`, 'data-field': name },
    h('label', { for: `f-${name}` }, label), control, hint ? h('small', { class: 'muted', id: `f-${name}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `f-${name}-error`, hidden: true }));
}

function control(name, type, options, value) {
  const common = { id: `f-${name}`, name, 'aria-describedby': `f-${name}-error` };
  if (type === 'checkbox') return h('input', { ...common, type: 'checkbox', checked: value === true });
  if (type === 'yes-no') return h('select', common, [['', '(the schedule’s default)'], ['true', 'yes'], ['false', 'no']].map(([v, text]) => h('option', { value: v, selected: v === (value == null ? '' : String(value)) }, text)));
  if (type === 'select') return h('select', common, h('option', { value: '' }, '(default)'), options.map((option) => h('option', { value: option, selected: option === value }, option)));
  return h('input', { ...common, type, value: value == null ? '' : Array.isArray(value) ? value.join(', ') : String(value), ...(type === 'number' && { min: 0, step: 1 }) });
}

/**
 * The form's values as an API body: empty fields left out, lists split, numbers as numbers. A box
 * goes only when ticked (or is is_active, or the job has the field): a field of another dataset is a 400.
 */
function bodyOf(form, job) {
  const body = {};
  for (const element of form.elements) {
    if (!element.name || element.name === 'schedule_kind') continue;
    if (element.type === 'checkbox') {
      if (element.checked || element.name === 'is_active' || job?.[element.name] !== undefined) body[element.name] = element.checked;
    } else if (element.name === 'market_hours_only') {
      if (element.value) body.market_hours_only = element.value === 'true';
    } else if (element.value.trim() !== '') body[element.name] = LISTS.has(element.name) ? splitList(element.value).map((s) => (element.name === 'stock_ids' ? s.toUpperCase() : s)) : NUMBERS.has(element.name) ? Number(element.value) : element.value.trim();
  }
  return body;
}

function showErrors(form, messages) {
  const general = [];
  for (const box of form.querySelectorAll('.field-error')) (box.hidden = true), (box.textContent = '');
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const message of messages) {
    const names = [...form.querySelectorAll('[data-field]')].map((f) => f.dataset.field);
    const first = message.split(/[\s.:]/, 1)[0];
    const name = names.includes(first) ? first : names.find((n) => n !== 'name' && new RegExp(`(^|[^a-z_])${n}([^a-z_]|$)`).test(message));
    const box = name && form.querySelector(`#f-${name}-error`);
    if (!box) general.push(message);
    else (box.hidden = false), (box.textContent += `${box.textContent ? ' ' : ''}${message}`), form.querySelector(`#f-${name}`)?.setAttribute('aria-invalid', 'true');
  }
  form.querySelector('#form-errors').replaceChildren(...general.map(failure));
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/** Create a job, or edit / duplicate job `id`; 400s shown at their field, the schedule previewed as it is typed. */
export async function jobForm(id, { duplicate = false } = {}) {
  const job = id ? await api(`scheduler/jobs/${id}`) : null;
  const editing = job && !duplicate;
  const kind = job ? (SCHEDULES.find(([name]) => name && job[name] != null)?.[0] ?? (job.run_after?.length ? 'chain_only' : '')) : '';
  const scheduleValue = h('input', { id: 'f-schedule_value', 'aria-describedby': 'f-schedule_value-error f-schedule-preview', value: kind && kind !== 'chain_only' ? String(job[kind]) : '', disabled: !kind || kind === 'chain_only' });
  const kindSelect = h('select', { id: 'f-schedule_kind', name: 'schedule_kind' }, SCHEDULES.map(([value, text]) => h('option', { value, selected: value === kind }, text)));
  const preview = h('div', { id: 'f-schedule-preview', 'aria-live': 'polite', class: 'field wide' });
  const form = h('form', { class: 'job-form', novalidate: true },
    field('name', 'Name', h('input', { id: 'f-name', name: 'name', required: true, maxlength: 200, value: duplicate ? `Copy of ${job.name}` : (job?.name ?? ''), 'aria-describedby': 'f-name-error' })),
    field('dataset', 'Dataset', h('select', { id: 'f-dataset', name: editing ? null : 'dataset', disabled: Boolean(editing), 'aria-describedby': 'f-dataset-error' },
      DATASETS.map((d) => h('option', { value: d, selected: d === (job?.dataset ?? 'historical_prices') }, d)))),
    field('stock_ids', 'Symbols', h('textarea', { id: 'f-stock_ids', name: 'stock_ids', rows: 3, 'aria-describedby': 'f-stock_ids-error f-stock_ids-hint' }, job?.stock_ids.join(', ') ?? ''), 'Comma, space or newline separated'),
    field('schedule_kind', 'Schedule', kindSelect),
    field('schedule_value', 'Schedule value', scheduleValue, 'HH:MM, a cron expression such as 30 16 * * 1-5, or seconds'),
    preview,
    FIELDS.map(([name, label, type, extra]) => field(name, label, control(name, type, Array.isArray(extra) ? extra : [], job ? job[name] : name === 'is_active' ? true : undefined), Array.isArray(extra) ? null : extra)),
    h('div', { id: 'form-errors', class: 'field wide' }),
    h('div', { class: 'field wide actions' }, h('button', { type: 'submit', class: 'primary' }, editing ? 'Save changes' : 'Create job'), h('a', { href: editing ? `#/jobs/${id}` : '#/jobs' }, 'Cancel')));

  const schedule = () =>
    kindSelect.value === 'chain_only' ? { schedule: 'chain_only' } : kindSelect.value ? { [kindSelect.value]: NUMBERS.has(kindSelect.value) ? Number(scheduleValue.value) : scheduleValue.value.trim() } : {};
  let typing = null;
  const refreshPreview = () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      if (kindSelect.value === 'chain_only') return void preview.replaceChildren(h('p', {}, 'No schedule of its own: it runs when a job of run_after ends as run_after_on says.'));
      const { timezone, market_hours_only, dataset = job?.dataset } = bodyOf(form, null);
      try {
        const result = await api('scheduler/schedule-preview', { method: 'POST', body: { ...schedule(), dataset, market_hours_only, ...(timezone && { timezone }), count: 5 } });
        preview.replaceChildren(h('strong', {}, `Next fire times (${result.timezone}):`), h('ol', {}, result.next_runs.map((iso) => h('li', {}, time(iso), ` ${iso}`))));
      } catch (error) {
        preview.replaceChildren(failure(`Schedule: ${error.message}`));
      }
    }, 300);
  };
  kindSelect.addEventListener('change', () => ((scheduleValue.disabled = !kindSelect.value || kindSelect.value === 'chain_only'), refreshPreview()));
  const previewed = ['f-schedule_value', 'f-timezone', 'f-market_hours_only', 'f-dataset'];
  form.addEventListener('input', (event) => previewed.includes(event.target.id) && refreshPreview());
  form.addEventListener('change', (event) => previewed.includes(event.target.id) && refreshPreview());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body = { ...bodyOf(form, editing ? job : null), ...schedule() };
    if (editing) body = Object.fromEntries(Object.entries(body).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(job[name])));
    if (kindSelect.value && kindSelect.value !== 'chain_only' && scheduleValue.value.trim() === '') return showErrors(form, [`${kindSelect.value} is empty`]);
    try {
      const answer = editing ? await api(`scheduler/jobs/${id}`, { method: 'PUT', body }) : await api('scheduler/jobs', { method: 'POST', body });
      location.hash = `#/jobs/${editing ? id : answer.job_id}`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error.messages.map((message) => message.replace(/^(schedule_time|cron|interval_seconds)\b/, 'schedule_value $1')));
    }
  });
  refreshPreview();
  const title = editing ? `Edit ${job.name}` : duplicate ? `Duplicate ${job.name}` : 'New job';
  return { node: h('div', {}, h('h1', {}, title), form), title, leave: () => clearTimeout(typing) };
}
