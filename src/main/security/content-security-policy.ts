/**
 * The renderer's Content-Security-Policy, in one place: the build writes it into index.html as a
 * meta tag (so it also applies in the browser harness) and the app:// protocol handler sends it as
 * a header (which adds the header-only directives).
 *
 * 'unsafe-inline' for styles only: Mantine sets CSS variables and component styles through style
 * attributes and one injected <style> element. Scripts are strictly same-origin, no eval.
 */
const DOCUMENT_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'frame-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a meta tag cannot carry; only the protocol handler's header sends them. */
const HEADER_ONLY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

function serialise(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const CSP_META = serialise(DOCUMENT_DIRECTIVES);
export const CSP_HEADER = serialise({ ...DOCUMENT_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });
