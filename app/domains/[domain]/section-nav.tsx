/** The domain page's sections, as links: a long page is found by its parts. */
const SECTIONS: [id: string, label: string][] = [
  ["status", "Status"],
  ["server-certificate", "Server certificate"],
  ["mtls", "Mutual TLS"],
  ["iac", "Infrastructure as code"],
  ["certificates", "Certificates"],
  ["versions", "Versions"],
  ["mappings", "Mappings"],
  ["clients", "Clients seen"],
  ["revocation", "Revocation"],
  ["audit", "Audit trail"],
];

export function SectionNav() {
  return (
    <nav aria-label="Sections of this page" className="text-sm" data-testid="section-nav">
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} className="text-sky-800 hover:underline">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
