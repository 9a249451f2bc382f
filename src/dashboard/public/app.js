import { ApiError, forgetApiKey, setApiKey, whenUnauthorized } from './api.js';
import { failure } from './dom.js';
import { connectEvents, onStatus } from './events.js';
import { jobPage } from './job.js';
import { jobForm } from './job-form.js';
import { jobsPage } from './jobs.js';
import { overviewPage } from './overview.js';
import { symbolPage } from './symbol.js';

const main = document.getElementById('main');
const routes = [
  [/^#?\/?$/, () => overviewPage()],
  [/^#\/jobs$/, () => jobsPage()],
  [/^#\/new$/, () => jobForm(null)],
  [/^#\/jobs\/([\w-]+)$/, (id) => jobPage(id)],
  [/^#\/jobs\/([\w-]+)\/edit$/, (id) => jobForm(id)],
  [/^#\/jobs\/([\w-]+)\/duplicate$/, (id) => jobForm(id, { duplicate: true })],
  [/^#\/symbols\/([^/]+)$/, (symbol) => symbolPage(decodeURIComponent(symbol))],
];

let leave = () => undefined;

/** Renders the page of the current hash; each page answers a node and, optionally, what to stop when left. */
async function render() {
  leave();
  leave = () => undefined;
  const hash = location.hash;
  const section = hash.startsWith('#/jobs') ? '#/jobs' : hash === '#/new' ? '#/new' : hash.startsWith('#/symbols') ? null : '#/';
  for (const link of document.querySelectorAll('header nav a')) {
    if (link.getAttribute('href') === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const route = routes.find(([pattern]) => pattern.test(hash));
  main.replaceChildren();
  try {
    if (!route) throw new Error(`No page ${hash}`);
    const page = await route[1](...hash.match(route[0]).slice(1));
    if (location.hash !== hash) return;
    main.replaceChildren(page.node);
    leave = page.leave ?? leave;
    document.title = `${page.title} · Stock data scheduler`;
    main.focus({ preventScroll: true });
  } catch (error) {
    main.replaceChildren(failure(error instanceof ApiError && error.status === 401 ? 'This service needs an API key.' : error.message));
  }
}

const dialog = document.getElementById('key-dialog');
whenUnauthorized(() => {
  forgetApiKey();
  if (!dialog.open) dialog.showModal();
});
document.getElementById('key-form').addEventListener('submit', () => {
  setApiKey(document.getElementById('key-input').value);
  render();
});
document.getElementById('symbol-search').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = `#/symbols/${encodeURIComponent(document.getElementById('symbol-input').value.trim().toUpperCase())}`;
});
onStatus((text) => (document.getElementById('live').textContent = text));
window.addEventListener('hashchange', render);
render();
connectEvents();
