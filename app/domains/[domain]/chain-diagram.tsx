import type { CertificateReport } from "@/lib/truststore/types";

interface Node {
  index: number;
  children: Node[];
}

/** Trees from each root down through the certificates it issued (from the engine's paths). */
function forest(certs: CertificateReport[]): { roots: Node[]; orphans: number[] } {
  const nodes = new Map<number, Node>(
    certs.map((c) => [c.index, { index: c.index, children: [] }]),
  );
  const roots: Node[] = [];
  const orphans: number[] = [];
  for (const c of certs) {
    if (c.duplicateOf !== undefined) continue;
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
  certs: CertificateReport[];
  anchor: (i: number) => string;
}) {
  const c = certs[node.index]!;
  return (
    <li className="relative pl-4">
      <a
        href={`#${anchor(node.index)}`}
        className="inline-block rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:border-slate-500"
      >
        <span className="font-medium">{c.subject || "(empty subject)"}</span>
        <span className="ml-1 text-slate-500">
          {c.selfSigned ? "root" : c.isCA ? "CA" : "end entity"}
        </span>
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
  anchor,
}: {
  certificates: CertificateReport[];
  anchor: (i: number) => string;
}) {
  const { roots, orphans } = forest(certificates);
  return (
    <figure aria-label="Chains of trust" className="space-y-2">
      <ul className="space-y-2">
        {roots.map((root) => (
          <Branch key={root.index} node={root} certs={certificates} anchor={anchor} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <p className="text-xs text-amber-800">
          Without a root in this file: {orphans.map((i) => certificates[i]!.subject).join("; ")}
        </p>
      )}
      <figcaption className="text-xs text-slate-500">
        Root → intermediates, as the engine chained them (name and key).
      </figcaption>
    </figure>
  );
}
