import { api } from './api.js';
import { badge, failure, h, progressBar, time } from './dom.js';
import { onEvent } from './events.js';

const card = (label, value) => h('div', { class: 'card' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));

function healthSection(health) {
  // With several providers /health lists each; with Yahoo alone its check is in the details.
  const providers = health.providers ?? (health.details?.yahoo ? [{ provider: 'yahoo', status: health.details.yahoo.status, quota_used_today: null }] : []);
  return h('section', { 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Health'),
    h('p', {}, 'Service ', badge(health.status), ` · ${health.store ?? 'store'} `, badge(health.details?.store?.status ?? 'down'),
      health.last_successful_fetch_age_seconds == null ? '' : ` · last successful fetch ${Math.round(health.last_successful_fetch_age_seconds)} s ago`),
    health.issues?.length ? h('ul', {}, health.issues.map((issue) => h('li', { class: 'error' }, issue))) : null,
    providers.length ? h('ul', { class: 'plain', id: 'providers', 'aria-label': 'Providers' }, providers.map((p) => h('li', {}, `${p.provider} `, badge(p.status), p.quota_used_today == null ? '' : ` · ${p.quota_used_today} requests today`))) : null,
  );
}

function runRow(run) {
  return h('tr', { 'data-run-row': run.run_id },
    h('td', {}, h('a', { href: `#/jobs/${run.job_id}` }, run.job_name ?? run.job_id)),
    h('td', {}, run.trigger),
    h('td', {}, time(run.start_time)),
    h('td', { class: 'progress-cell' }, progressBar(run), h('span', { class: 'count' }, `${run.progress.done} / ${run.progress.total}`)));
}

async function failuresSection(jobs) {
  const failed = jobs.filter((job) => job.last_result && ['failed', 'partial_success'].includes(job.last_result.status))
    .sort((a, b) => Date.parse(b.last_result.end_time) - Date.parse(a.last_result.end_time)).slice(0, 5);
  const runs = await Promise.all(failed.map((job) => api(`scheduler/jobs/${job.job_id}/runs/${job.last_result.run_id}`).catch(() => null)));
  return h('section', { 'aria-labelledby': 'failures-title' },
    h('h2', { id: 'failures-title' }, 'Latest failures'),
    failed.length === 0 ? h('p', { class: 'muted' }, 'No failed run.') : h('ul', { class: 'plain' }, failed.map((job, i) => h('li', {},
      h('a', { href: `#/jobs/${job.job_id}` }, job.name), ' ', badge(job.last_result.status), ' ', time(job.last_result.end_time),
      h('ul', {}, (runs[i]?.errors ?? []).slice(0, 3).map((error) => h('li', {}, h('strong', {}, error.symbol), `: ${error.kind}: ${error.error}`)))))));
}

async function sections() {
  const [dashboard, health] = await Promise.all([api('scheduler/dashboard'), api('health').catch((error) => error.body ?? { status: 'unhealthy', issues: [error.message] })]);
  const { scheduler_status: status, summary, jobs } = dashboard;
  const running = jobs.filter((job) => job.status === 'running');
  const current = (await Promise.all(running.map((job) => api(`scheduler/jobs/${job.job_id}/runs?limit=1`).catch(() => [])))).flat().filter((run) => run.status === 'running');
  const toggle = h('button', { type: 'button', class: status.is_running ? 'danger' : 'primary', 'aria-pressed': String(!status.is_running) }, status.is_running ? 'Pause scheduler' : 'Resume scheduler');
  toggle.addEventListener('click', async () => {
    toggle.disabled = true;
    await api(status.is_running ? 'scheduler/stop' : 'scheduler/start', { method: 'POST' });
  });
  return [
    h('p', { class: 'actions' }, 'Scheduler ', badge(status.is_running ? 'running' : 'paused'), ' ', toggle, h('span', { class: 'muted' }, ` store: ${status.store} · zone ${status.timezone}`)),
    h('div', { class: 'cards' }, card('jobs', summary.total), card('active', summary.active), card('running now', summary.running), card('completed today', summary.completed_today), card('failed today', summary.failed_today)),
    h('section', { 'aria-labelledby': 'running-title' },
      h('h2', { id: 'running-title' }, 'Runs in progress'),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Job'), h('th', { scope: 'col' }, 'Trigger'), h('th', { scope: 'col' }, 'Started'), h('th', { scope: 'col' }, 'Progress'))),
        h('tbody', { id: 'running-runs' }, current.map(runRow)))),
      current.length === 0 ? h('p', { class: 'muted', id: 'no-runs' }, 'Nothing runs now.') : null),
    healthSection(health),
    await failuresSection(jobs),
  ];
}

/** The overview: scheduler state and switch, totals, health, live runs and the latest failures. */
export async function overviewPage() {
  const node = h('div', {}, h('h1', {}, 'Overview'), h('div', { id: 'overview' }, await sections()));
  let refresh = null;
  const reload = () => {
    clearTimeout(refresh);
    refresh = setTimeout(async () => {
      try {
        node.querySelector('#overview').replaceChildren(...(await sections()));
      } catch (error) {
        node.querySelector('#overview').replaceChildren(failure(error.message));
      }
    }, 300);
  };
  const stop = onEvent((event) => {
    if (event.type === 'run.progress') {
      const row = node.querySelector(`[data-run-row="${event.data.run_id}"]`);
      if (!row) return reload();
      row.querySelector('.progress-cell').replaceChildren(progressBar(event.data), h('span', { class: 'count' }, `${event.data.progress.done} / ${event.data.progress.total}`));
    } else reload();
  });
  return { node, title: 'Overview', leave: () => (stop(), clearTimeout(refresh)) };
}
