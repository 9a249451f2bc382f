// The REST API beside the dashboard: its page is at <base>/ui, the API at <base>/.
export const API_BASE = new URL('../', import.meta.url);
const KEY = 'stock-data-scheduler.api-key';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(Array.isArray(message) ? message.join('; ') : String(message));
    this.status = status;
    this.messages = Array.isArray(message) ? message : [String(message)];
    this.body = body;
  }
}

export const apiKey = () => sessionStorage.getItem(KEY);
export const setApiKey = (key) => sessionStorage.setItem(KEY, key);
export const forgetApiKey = () => sessionStorage.removeItem(KEY);
export const apiUrl = (path) => new URL(path.replace(/^\//, ''), API_BASE);

export function headers(extra = {}) {
  const key = apiKey();
  return { Accept: 'application/json', ...(key && { 'X-API-Key': key }), ...extra };
}

let onUnauthorized = () => undefined;
/** Who asks for the key when the API answers 401. */
export const whenUnauthorized = (handler) => (onUnauthorized = handler);

/** Calls the API; a 4xx/5xx is an ApiError carrying the API's message(s). */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(apiUrl(path), {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, data?.message ?? response.statusText, data);
  return data;
}
