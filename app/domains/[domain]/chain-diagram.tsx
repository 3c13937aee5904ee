"use client";
/**
 * The chains of trust as trees, root down. A client component: the page
 * sends each certificate as its name, role and path, not as the rendered
 * tree (a hundred certificates weighed 46 KB of the page's payload).
 */
import { certificateAnchor } from "@/components/certificate-anchor";
import type { ChainNode } from "./certificate-charts";

interface Node {
  index: number;
  children: Node[];
}

/** Trees from each root down through the certificates it issued (from the engine's paths). */
function forest(certs: ChainNode[]): { roots: Node[]; orphans: number[] } {
  const nodes = new Map<number, Node>(
    certs.map((c) => [c.index, { index: c.index, children: [] }]),
  );
  const roots: Node[] = [];
  const orphans: number[] = [];
  for (const c of certs) {
    if (c.duplicate) continue;
    const parent = c.path[1];
    if (c.path.length === 1) {
      if (c.pathComplete) roots.push(nodes.get(c.index)!);
      else orphans.push(c.index);
    } else if (parent !== undefined) {
      nodes.get(parent)?.children.push(nodes.get(c.index)!);
    }
  }
  return { roots, orphans };
}

function Branch({
  node,
  certs,
  anchor,
}: {
  node: Node;
  certs: Map<number, ChainNode>;
  anchor: (i: number) => string;
}) {
  const c = certs.get(node.index)!;
  return (
    <li className="relative pl-4">
      <a href={`#${anchor(node.index)}`} className="chain-node">
        <span className="font-medium">{c.subject || "(empty subject)"}</span>
        <span className="ml-1 text-slate-500">{c.role}</span>
      </a>
      {node.children.length > 0 && (
        <ul className="mt-1 ml-3 space-y-1 border-l border-slate-300">
          {node.children.map((child) => (
            <Branch key={child.index} node={child} certs={certs} anchor={anchor} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function ChainDiagram({
  certificates,
  anchorPrefix,
}: {
  certificates: ChainNode[];
  /** Links go to the certificate list's anchors (components/certificate-anchor). */
  anchorPrefix: string;
}) {
  const { roots, orphans } = forest(certificates);
  const anchor = certificateAnchor(anchorPrefix);
  // By index: the diagram may show some of the certificates only.
  const byIndex = new Map(certificates.map((c) => [c.index, c]));
  return (
    <figure aria-label="Chains of trust" className="space-y-2">
      <ul className="space-y-2">
        {roots.map((root) => (
          <Branch key={root.index} node={root} certs={byIndex} anchor={anchor} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <p className="text-xs text-amber-800">
          Without a root in this file: {orphans.map((i) => byIndex.get(i)!.subject).join("; ")}
        </p>
      )}
      <figcaption className="text-xs text-slate-500">
        Root → intermediates, as the engine chained them (name and key).
      </figcaption>
    </figure>
  );
}
