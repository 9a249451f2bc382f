import { apiUrl, headers } from './api.js';

// GET /scheduler/events read over fetch (an EventSource cannot send X-API-Key), resumed with
// Last-Event-ID after a drop so that no run's end is missed.
const listeners = new Set();
let lastEventId = null;
let status = () => undefined;

export const onEvent = (listener) => (listeners.add(listener), () => listeners.delete(listener));
export const onStatus = (handler) => (status = handler);

function dispatch(block) {
  const event = { id: null, type: 'message', data: '' };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const [field, value] = [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
    if (field === 'id') event.id = value;
    else if (field === 'event') event.type = value;
    else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
  }
  if (event.id) lastEventId = event.id;
  if (event.type === 'ping') return;
  const parsed = { ...event, data: event.data ? JSON.parse(event.data) : {} };
  for (const listener of listeners) listener(parsed);
}

async function readOnce() {
  const response = await fetch(apiUrl('scheduler/events'), { headers: headers({ Accept: 'text/event-stream', ...(lastEventId && { 'Last-Event-ID': lastEventId }) }) });
  if (!response.ok) throw new Error(`events answered ${response.status}`);
  status('live');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

/** Keeps the stream open for the life of the page, reconnecting after a drop. */
export async function connectEvents() {
  for (let delay = 1000; ; delay = Math.min(delay * 2, 15_000)) {
    try {
      await readOnce();
      delay = 500;
    } catch {
      // reconnect below
    }
    status('reconnecting…');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
