/** Derives a Grafana uid from free text: lower-case, `-` separated, at most 40 characters. */
export function uidFromText(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (slug || 'item').slice(0, 40).replace(/-+$/, '');
}
