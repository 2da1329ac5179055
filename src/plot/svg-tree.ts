/**
 * Test support: reads an SVG document with an independent XML parser (Python's
 * xml.etree.ElementTree), so that tests check what any SVG reader sees, and a malformed document
 * fails the test. Not part of the public API.
 */
import { spawnSync } from 'node:child_process';

export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: SvgNode[];
}

const READER = `
import json, sys, xml.etree.ElementTree as ET
def walk(e):
    return {"tag": e.tag.split("}")[-1], "attrs": dict(e.attrib), "text": e.text or "",
            "children": [walk(c) for c in e]}
print(json.dumps(walk(ET.fromstring(sys.stdin.read()))))
`;

/** Parses `svg`; throws with Python's message if it is not well-formed XML. */
export function readSvg(svg: string): SvgNode {
  const r = spawnSync('python3', ['-c', READER], { input: svg, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`SVG is not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout) as SvgNode;
}

/** Every node under `root` (itself included) for which `test` holds, in document order. */
export function findAll(root: SvgNode, test: (n: SvgNode) => boolean): SvgNode[] {
  const out: SvgNode[] = test(root) ? [root] : [];
  for (const c of root.children) out.push(...findAll(c, test));
  return out;
}

/** Nodes whose class attribute holds every class in `classes` (space-separated). */
export function byClass(root: SvgNode, classes: string): SvgNode[] {
  const wanted = classes.split(' ');
  return findAll(root, (n) => {
    const have = (n.attrs['class'] ?? '').split(' ');
    return wanted.every((c) => have.includes(c));
  });
}

/** The x, y of a `translate(x,y)` transform (0, 0 when there is none). */
export function translation(n: SvgNode): [number, number] {
  const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(n.attrs['transform'] ?? '');
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
}
