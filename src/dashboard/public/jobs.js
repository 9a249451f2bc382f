import { api } from './api.js';
import { badge, failure, h, lastResult, scheduleInWords, symbolsText, time } from './dom.js';
import { onEvent } from './events.js';

export const DATASETS = ['historical_prices', 'stock_quotes', 'options_chain', 'company_info', 'earnings_data', 'news_data', 'economic_events'];
const STATUSES = ['pending', 'running', 'completed', 'failed', 'paused'];
const PAGE_SIZE = 50;

const select = (id, label, options, all) => h('div', {}, h('label', { for: id }, label),
  h('select', { id }, h('option', { value: '' }, all), options.map(([value, text]) => h('option', { value }, text))));

function row(job) {
  return h('tr', {},
    h('td', {}, h('a', { href: `#/jobs/${job.job_id}` }, job.name)),
    h('td', {}, job.dataset),
    h('td', {}, symbolsText(job.stock_ids)),
    h('td', {}, scheduleInWords(job)),
    h('td', {}, time(job.next_run)),
    h('td', {}, lastResult(job.last_result)),
    h('td', {}, badge(job.status)));
}

/** Every job, searched, filtered, sorted and paged by the API (GET /scheduler/jobs?q&status&dataset&sort&limit&cursor). */
export async function jobsPage() {
  const search = h('input', { id: 'job-search', type: 'search', placeholder: 'name or symbol', autocomplete: 'off', maxlength: 100 });
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find jobs' },
    h('div', {}, h('label', { for: 'job-search' }, 'Search'), search),
    select('job-status', 'Status', STATUSES.map((s) => [s, s]), 'any status'),
    select('job-dataset', 'Dataset', DATASETS.map((d) => [d, d]), 'any dataset'),
    select('job-sort', 'Sort by', [['name', 'name'], ['next_run', 'next run']], 'creation'));
  const body = h('tbody', { id: 'jobs-body' });
  const summary = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button' }, 'Previous page');
  const next = h('button', { type: 'button' }, 'Next page');
  const cursors = [null];
  let page = 0;

  async function load() {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    const [q, status, dataset, sort] = ['job-search', 'job-status', 'job-dataset', 'job-sort'].map((id) => filters.querySelector(`#${id}`).value);
    Object.entries({ q, status, dataset, sort }).forEach(([name, value]) => value && query.set(name, value));
    if (cursors[page]) query.set('cursor', cursors[page]);
    try {
      const { items, next_cursor } = await api(`scheduler/jobs?${query}`);
      cursors[page + 1] = next_cursor;
      body.replaceChildren(...items.map(row));
      summary.textContent = items.length === 0 ? 'No job matches.' : `Page ${page + 1}: ${items.length} job${items.length === 1 ? '' : 's'}${next_cursor ? ', more on the next page' : ''}.`;
      previous.disabled = page === 0;
      next.disabled = !next_cursor;
    } catch (error) {
      body.replaceChildren(h('tr', {}, h('td', { colspan: 7 }, failure(error.message))));
    }
  }
  const restart = () => ((page = 0), cursors.splice(1), load());
  let typing = null;
  search.addEventListener('input', () => (clearTimeout(typing), (typing = setTimeout(restart, 250))));
  filters.addEventListener('change', restart);
  filters.addEventListener('submit', (event) => (event.preventDefault(), restart()));
  previous.addEventListener('click', () => ((page -= 1), load()));
  next.addEventListener('click', () => ((page += 1), load()));
  await load();

  const node = h('div', {}, h('h1', {}, 'Jobs'), h('p', { class: 'actions' }, h('a', { href: '#/new' }, 'New job')), filters, summary,
    h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'muted' }, 'Jobs'),
      h('thead', {}, h('tr', {}, ['Name', 'Dataset', 'Symbols', 'Schedule', 'Next run', 'Last result', 'Status'].map((title) => h('th', { scope: 'col' }, title)))),
      body)),
    h('p', { class: 'actions' }, previous, next));
  let refresh = null;
  const stop = onEvent((event) => {
    if (event.type === 'run.progress') return;
    clearTimeout(refresh);
    refresh = setTimeout(load, 500);
  });
  return { node, title: 'Jobs', leave: () => (stop(), clearTimeout(refresh), clearTimeout(typing)) };
}
