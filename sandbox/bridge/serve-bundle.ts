/**
 * Serves the built Custom UI bundles (static/<app>/dist, as named by the manifest's resources) to
 * iframes, unmodified except for one thing: index.html gets the bridge shim as its first script,
 * so `@forge/bridge` finds `window.__bridge` before the bundle runs. Bundles are served under
 * /sandbox/frames/<resource-key>/ so their relative asset paths work as they do on Forge's CDN.
 *
 * Read-only over the bundle folders; it never builds them (sandbox/start.ts does).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { renderBridgeShim } from './bridge-shim';

export const framesPathPrefix = '/sandbox/frames/';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type for a file name (octet-stream when unknown). */
export function contentTypeOf(fileName: string): string {
  return contentTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** The iframe URL of a bundle for a frame id. */
export function frameUrl(resourceKey: string, frameId: string): string {
  return `${framesPathPrefix}${encodeURIComponent(resourceKey)}/index.html?frame=${encodeURIComponent(frameId)}`;
}

/** Whether a bundle folder holds a built index.html. */
export function isBundleBuilt(resourceDir: string): boolean {
  return existsSync(path.join(resourceDir, 'index.html'));
}

/**
 * Inserts the bridge shim into an index.html before anything else can run: right after <head>
 * (or at the very start when there is no head).
 *
 * @example injectBridgeShim('<html><head><script src="a.js"></script>', 'f1') // shim precedes a.js
 */
export function injectBridgeShim(html: string, frameId: string): string {
  const shim = renderBridgeShim(frameId);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return shim + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + '\n' + shim + html.slice(at);
}

export type BundleResponse =
  | { status: 200; contentType: string; body: Buffer | string }
  | { status: 404; message: string };

const frameIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Resolves a request under /sandbox/frames/<resource>/… to the file to send.
 * `resourceDirs` maps resource keys to bundle folders; paths outside a folder are refused.
 */
export async function readBundleFile(
  resourceDirs: ReadonlyMap<string, string>,
  pathname: string,
  frameId: string | null,
): Promise<BundleResponse> {
  const rest = pathname.slice(framesPathPrefix.length);
  const slash = rest.indexOf('/');
  const resourceKey = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
  const dir = resourceDirs.get(resourceKey);
  if (dir === undefined) return { status: 404, message: `No Custom UI resource "${resourceKey}" in manifest.yml.` };
  const relative = decodeURIComponent(slash === -1 ? '' : rest.slice(slash + 1)) || 'index.html';
  const file = path.resolve(dir, relative);
  if (file !== dir && !file.startsWith(dir + path.sep)) return { status: 404, message: 'Not found.' };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { status: 404, message: 'Not found.' };
  } catch {
    return { status: 404, message: `${path.relative(process.cwd(), file)} does not exist (is the bundle built?).` };
  }
  if (path.basename(file) === 'index.html' && path.dirname(file) === dir) {
    const id = frameId !== null && frameIdPattern.test(frameId) ? frameId : 'frame';
    return { status: 200, contentType: contentTypeOf(file), body: injectBridgeShim(await readFile(file, 'utf8'), id) };
  }
  return { status: 200, contentType: contentTypeOf(file), body: await readFile(file) };
}
