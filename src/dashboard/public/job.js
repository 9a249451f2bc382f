import { api } from './api.js';
import { badge, failure, h, progressBar, scheduleInWords, time } from './dom.js';
import { onEvent } from './events.js';

const FIELDS = ['job_id', 'dataset', 'stock_ids', 'status', 'is_active', 'timezone', 'market_hours_only', 'data_interval', 'lookback_days', 'start_date', 'end_date',
  'prefix', 'expirations', 'news_count', 'retention_days', 'countries', 'providers', 'misfire_grace_seconds', 'priority', 'run_after_on', 'notify_email', 'notify_on',
  'created_at', 'updated_at', 'last_run', 'next_run'];

const offsetOf = (iso) => iso.match(/([+-]\d\d:\d\d|Z)$/)?.[1] ?? '';

function definition(job) {
  const shown = FIELDS.filter((field) => job[field] !== undefined && job[field] !== null);
  return h('dl', { class: 'kv' }, h('dt', {}, 'schedule'), h('dd', {}, scheduleInWords(job)),
    shown.map((field) => [h('dt', {}, field), h('dd', {}, Array.isArray(job[field]) ? job[field].join(', ') : String(job[field]))]));
}

function nextRuns({ next_runs }, job) {
  return h('ol', {}, next_runs.map((iso, i) => h('li', {}, time(iso), ` ${iso}`,
    i > 0 && offsetOf(iso) !== offsetOf(next_runs[i - 1]) ? h('strong', {}, ` (UTC offset changes to ${offsetOf(iso)})`) : null)),
  job.market_hours_only ? h('p', { class: 'muted' }, 'Market hours only: times when NYSE is closed are left out.') : null);
}

function runItem(run) {
  return h('li', { 'data-run': run.run_id },
    badge(run.status), ` ${run.trigger} · `, time(run.start_time), run.status === 'running' || run.duration_ms == null ? '' : ` · ${run.duration_ms} ms`, ` · ${run.points_written ?? 0} written`,
    run.progress ? h('div', {}, progressBar(run), h('span', { class: 'count' }, ` ${run.progress.done} / ${run.progress.total} symbols`)) : null,
    run.reason ? h('div', { class: 'muted' }, run.reason) : null,
    h('div', {}, run.fetched_stocks.length ? `ok: ${run.fetched_stocks.join(', ')}` : ''),
    run.errors?.length ? h('ul', {}, run.errors.map((error) => h('li', { class: 'error' }, h('strong', {}, error.symbol), `: ${error.kind}: ${error.error}`))) : null);
}

const auditItem = (entry) => h('li', {}, time(entry.at), ` ${entry.action} by ${entry.actor}`,
  Object.keys(entry.changes ?? {}).length ? h('span', { class: 'muted' }, ` · ${Object.keys(entry.changes).join(', ')}`) : '');

/** One job: definition, next fire times, run history, audit trail and its actions. */
export async function jobPage(id) {
  const node = h('div', {});
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  async function draw() {
    const [job, preview, runs, audit, chain] = await Promise.all([api(`scheduler/jobs/${id}`), api(`scheduler/jobs/${id}/next-runs?count=10`).catch(() => ({ next_runs: [] })),
      api(`scheduler/jobs/${id}/runs?limit=20`), api(`scheduler/jobs/${id}/audit?limit=20`), api(`scheduler/jobs/${id}/chain`)]);
    const act = (label, action, attributes = {}) => h('button', { type: 'button', ...attributes, onclick: async (event) => {
      event.target.disabled = true;
      try {
        await action();
      } catch (error) {
        message.replaceChildren(failure(error.message));
      } finally {
        event.target.disabled = false;
      }
    } }, label);
    node.replaceChildren(
      h('h1', {}, job.name, ' ', badge(job.status)), message,
      h('div', { class: 'actions' },
        act('Run now', async () => message.replaceChildren(`Run ${(await api(`scheduler/jobs/${id}/run`, { method: 'POST' })).run_id} started`), { class: 'primary' }),
        act(job.is_active ? 'Stop' : 'Start', () => api(`scheduler/jobs/${id}/${job.is_active ? 'stop' : 'start'}`, { method: 'POST' }).then(draw)),
        h('a', { href: `#/jobs/${id}/edit` }, 'Edit'), h('a', { href: `#/jobs/${id}/duplicate` }, 'Duplicate'),
        act('Delete', async () => {
          if (!confirm(`Delete job "${job.name}" and its run history?`)) return;
          await api(`scheduler/jobs/${id}`, { method: 'DELETE' });
          location.hash = '#/jobs';
        }, { class: 'danger' })),
      h('div', { class: 'grid2' },
        h('section', {}, h('h2', {}, 'Definition'), definition(job),
          h('p', {}, job.stock_ids.map((symbol) => [h('a', { href: `#/symbols/${encodeURIComponent(symbol)}` }, symbol), ' ']))),
        h('section', {}, h('h2', {}, `Next ${preview.next_runs.length} fire times`), nextRuns(preview, job))),
      chain.upstream.length || chain.downstream.length ? h('section', {}, h('h2', {}, 'Chain'),
        h('p', {}, 'Runs after: ', chain.upstream.length ? chain.upstream.map((up) => [h('a', { href: `#/jobs/${up.job_id}` }, up.name), ' ']) : 'none'),
        h('p', {}, 'Started after it: ', chain.downstream.length ? chain.downstream.map((down) => [h('a', { href: `#/jobs/${down.job_id}` }, down.name), ` (on ${down.run_after_on}) `]) : 'none')) : null,
      h('section', {}, h('h2', {}, 'Runs'), runs.length ? h('ul', { class: 'plain', id: 'runs' }, runs.map(runItem)) : h('p', { class: 'muted' }, 'No run yet.')),
      h('section', {}, h('h2', {}, 'Audit trail'), h('ul', { class: 'plain' }, audit.map(auditItem))));
  }
  await draw();
  let refresh = null;
  const stop = onEvent((event) => {
    if (event.data.job_id !== id) return;
    if (event.type === 'run.progress') {
      const bar = node.querySelector(`progress[data-run-id="${event.data.run_id}"]`);
      if (bar) {
        bar.value = event.data.progress.done;
        bar.nextElementSibling.textContent = ` ${event.data.progress.done} / ${event.data.progress.total} symbols`;
        return;
      }
    }
    if (event.type === 'job.changed' && event.data.action === 'delete') return void node.replaceChildren(failure('This job was deleted.'));
    clearTimeout(refresh);
    refresh = setTimeout(() => draw().catch((error) => message.replaceChildren(failure(error.message))), 200);
  });
  return { node, title: 'Job', leave: () => (stop(), clearTimeout(refresh)) };
}
