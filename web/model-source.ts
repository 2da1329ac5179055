/**
 * Fetches the model the pages show: the one `convnet serve` hands out at /api/model.h5, or,
 * when the server has none (or the pages are served by another server), the small MNIST
 * model shipped in models/.
 *
 * @example
 * const { bytes, name } = await fetchServedModel();
 */

export interface ServedModel {
  readonly bytes: Uint8Array;
  /** What to call it on the page. */
  readonly name: string;
}

async function bytesOf(url: string): Promise<Uint8Array | null> {
  const response = await fetch(url);
  if (!response.ok) return null;
  return new Uint8Array(await response.arrayBuffer());
}

/** What /api/info says the server hands out, or null (no model, or not our server). */
async function servedName(): Promise<string | null> {
  const response = await fetch('api/info');
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.startsWith('application/json')) return null;
  const info = await response.json() as { model?: string | null };
  return info.model ?? null;
}

/** The served model, else the shipped one; throws when neither can be fetched. */
export async function fetchServedModel(): Promise<ServedModel> {
  const name = await servedName();
  const served = name === null ? null : await bytesOf('api/model.h5');
  if (served !== null) return { bytes: served, name: name! };
  const shipped = await bytesOf('models/mnist-small.h5');
  if (shipped !== null) {
    return { bytes: shipped, name: 'shipped MNIST model (models/mnist-small.h5)' };
  }
  throw new Error('no model: the server has none at /api/model.h5 and models/mnist-small.h5 is ' +
    'missing. Start the pages with `convnet serve MODEL.h5`.');
}
