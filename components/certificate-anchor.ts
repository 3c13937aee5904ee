/** Anchor ids of listed certificates, so findings and warnings can link to them. */
export const certificateAnchor = (prefix: string) => (index: number) =>
  `${prefix}-cert-${index + 1}`;
