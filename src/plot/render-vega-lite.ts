/**
 * Turns a Vega-Lite chart into an SVG string without a browser: Vega-Lite compiles to a Vega
 * spec, and a headless Vega view (renderer 'none') writes the SVG itself.
 */
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec with inline data to an SVG document.
 *
 * @example
 * const svg = await renderVegaLite({
 *   data: { values: [{ x: 1, y: 2 }] },
 *   mark: 'point',
 *   encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
 * });
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
