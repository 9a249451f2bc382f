import { api, apiUrl, headers } from './api.js';
import { failure, h, time } from './dom.js';

const RANGES = [['1M', 31], ['3M', 92], ['6M', 183], ['1Y', 366], ['5Y', 1827], ['All', null]];
const INTERVALS = ['1d', '1wk', '1mo', '1h', '60m', '30m', '15m', '5m', '1m'];
const notStored = (error) => (error.status === 404 ? null : Promise.reject(error));
const dayBefore = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The chart library (~160 kB) is loaded by this page only, the first time it draws. */
async function drawChart(container, bars) {
  const { CandlestickSeries, createChart, HistogramSeries } = await import('./lightweight-charts.mjs');
  const chart = createChart(container, { autoSize: true, layout: { attributionLogo: true }, timeScale: { timeVisible: true } });
  const candles = chart.addSeries(CandlestickSeries, { upColor: '#1a7f37', downColor: '#cf222e', wickUpColor: '#1a7f37', wickDownColor: '#cf222e', borderVisible: false });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, priceScaleId: '' });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  const at = (bar) => Math.floor(Date.parse(bar.date) / 1000);
  candles.setData(bars.map((bar) => ({ time: at(bar), open: bar.open, high: bar.high, low: bar.low, close: bar.close })));
  volume.setData(bars.map((bar) => ({ time: at(bar), value: bar.volume, color: bar.close >= bar.open ? '#1a7f3766' : '#cf222e66' })));
  // autoSize measures the container on the next frame; fitting before that would fit a zero width.
  requestAnimationFrame(() => chart.timeScale().fitContent());
  return chart;
}

const kv = (pairs) => h('dl', { class: 'kv' }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([key, value]) => [h('dt', {}, key), h('dd', {}, value)]));

function quoteSection(quote) {
  return h('section', {}, h('h2', {}, 'Latest quote'), !quote ? h('p', { class: 'muted' }, 'No quote stored (a stock_quotes job stores them).') :
    kv([['price', `${quote.price} ${quote.currency ?? ''}`], ['change', `${quote.change?.toFixed?.(2)} (${quote.change_percent?.toFixed?.(2)} %)`], ['time', time(quote.time)],
      ['day range', `${quote.day_low} – ${quote.day_high}`], ['volume', quote.volume?.toLocaleString()], ['market', quote.market_state], ['source', quote.source]]));
}

function profileSection(profile) {
  return h('section', {}, h('h2', {}, 'Profile'), !profile ? h('p', { class: 'muted' }, 'No profile stored (a company_info job stores it).') :
    [kv([['name', profile.name], ['sector', profile.sector], ['industry', profile.industry], ['country', profile.country], ['employees', profile.employees?.toLocaleString()],
      ['website', profile.website], ['exchange', profile.exchange], ['fetched', time(profile.fetched_at)]]), h('p', {}, profile.summary ?? '')]);
}

function earningsSection(earnings) {
  return h('section', {}, h('h2', {}, 'Earnings'), !earnings ? h('p', { class: 'muted' }, 'No earnings stored (an earnings_data job stores them).') : [
    h('p', {}, 'Next: ', earnings.next_earnings_dates.map((iso) => [time(iso), ' '])),
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Quarter end', 'EPS actual', 'EPS estimate', 'Surprise %'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, earnings.quarters.slice(-8).reverse().map((q) => h('tr', {}, h('td', {}, q.quarter_end), h('td', {}, q.eps_actual ?? '–'), h('td', {}, q.eps_estimate ?? '–'), h('td', {}, q.surprise_percent ?? '–'))))))]);
}

function newsSection(news) {
  return h('section', {}, h('h2', {}, 'News'), !news ? h('p', { class: 'muted' }, 'No news stored (a news_data job stores it).') :
    h('ul', { class: 'plain' }, news.map((article) => h('li', {}, article.link ? h('a', { href: article.link, rel: 'noopener noreferrer', target: '_blank' }, article.title) : article.title,
      h('div', { class: 'muted' }, article.publisher ?? '', ' · ', time(article.published_at))))));
}

async function downloadCsv(symbol, query) {
  const response = await fetch(apiUrl(`market-data/${encodeURIComponent(symbol)}?${query}&format=csv`), { headers: headers({ Accept: 'text/csv' }) });
  if (!response.ok) throw new Error(`CSV download answered ${response.status}`);
  const link = h('a', { href: URL.createObjectURL(await response.blob()), download: `${symbol}-${new URLSearchParams(query).get('interval')}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** One symbol: its bars as a candlestick chart with volume, and whatever else is stored of it. */
export async function symbolPage(symbol) {
  const path = `market-data/${encodeURIComponent(symbol)}`;
  const container = h('div', { class: 'chart', id: 'chart', role: 'img', 'aria-label': `Candlestick chart of ${symbol}` });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const interval = h('select', { id: 'chart-interval' }, INTERVALS.map((value) => h('option', { value }, value)));
  let range = null;
  let chart = null;
  const query = () => new URLSearchParams({ interval: interval.value, ...(range && { from: dayBefore(range) }) }).toString();
  async function loadBars() {
    const bars = await api(`${path}?${query()}`);
    chart?.remove();
    // Shown before it is drawn: the chart sizes itself to its container.
    container.hidden = bars.length === 0;
    chart = bars.length ? await drawChart(container, bars) : null;
    status.textContent = bars.length ? `${bars.length} bars, ${bars[0].date.slice(0, 10)} to ${bars.at(-1).date.slice(0, 10)}` : `No ${interval.value} bars stored for ${symbol} in this range.`;
  }
  const rangeButtons = RANGES.map(([label, days]) => h('button', { type: 'button', 'aria-pressed': String(days === range), onclick: (event) => {
    range = days;
    for (const button of rangeButtons) button.setAttribute('aria-pressed', String(button === event.target));
    loadBars().catch((error) => status.replaceChildren(failure(error.message)));
  } }, label));
  interval.addEventListener('change', () => loadBars().catch((error) => status.replaceChildren(failure(error.message))));
  const csv = h('button', { type: 'button', onclick: () => downloadCsv(symbol, query()).catch((error) => status.replaceChildren(failure(error.message))) }, 'Download CSV');
  const [quotes, profile, earnings, news] = await Promise.all([api(`market-data/quotes/latest?symbols=${encodeURIComponent(symbol)}`).catch(() => ({})),
    api(`${path}/profile`).catch(notStored), api(`${path}/earnings`).catch(notStored), api(`${path}/news?limit=10`).catch(notStored)]);
  const node = h('div', {}, h('h1', {}, symbol),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Chart range' }, h('div', {}, h('label', { for: 'chart-interval' }, 'Interval'), interval), rangeButtons, csv),
    status, container,
    h('p', { class: 'muted' }, 'Charts by ', h('a', { href: 'https://www.tradingview.com/', rel: 'noopener noreferrer', target: '_blank' }, 'TradingView Lightweight Charts™')),
    h('div', { class: 'grid2' }, quoteSection(quotes[symbol]), profileSection(profile), earningsSection(earnings), newsSection(news)));
  // The chart measures its container, so it is drawn once the page is in the document.
  setTimeout(() => loadBars().catch((error) => status.replaceChildren(failure(error.message))));
  return { node, title: symbol, leave: () => chart?.remove() };
}
