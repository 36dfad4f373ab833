/**
 * The Jira create-issue body (POST /rest/api/{2|3}/issue) as a webhook template, and a check
 * of rendered bodies against its shape.
 *
 * Shape (developer.atlassian.com, "Issues: Create issue"): `{"fields": {"project": {"key"},
 * "issuetype": {"name"}, "summary", "description", "priority": {"name"}, "labels": [..],
 * "components": [{"name"}]}}`. REST API v3 (Jira Cloud) takes `description` in Atlassian
 * Document Format (`{"type": "doc", "version": 1, "content": [paragraph…]}`, each paragraph
 * `{"type": "paragraph", "content": [{"type": "text", "text": "…"}]}`, text nodes non-empty);
 * v2 (Data Center) takes a plain string.
 */

export interface IssueSpec {
  readonly projectKey: string;
  readonly issueType: string;
  readonly priority: string;
  readonly labels: string[];
  readonly components: string[];
  readonly summaryTemplate: string;
  readonly descriptionTemplate: string;
  /** true: REST v3 with ADF; false: v2 with a string. */
  readonly adf: boolean;
}

/** The create-issue body as JSON text with `{{placeholders}}` inside strings. */
export function createIssueTemplate(spec: IssueSpec): string {
  const lines = spec.descriptionTemplate.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim().length > 0);
  const description = spec.adf
    ? {
      type: 'doc',
      version: 1,
      content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    }
    : spec.descriptionTemplate;
  const fields: Record<string, unknown> = {
    project: { key: spec.projectKey },
    issuetype: { name: spec.issueType },
    summary: spec.summaryTemplate,
    description,
    priority: { name: spec.priority },
    labels: [...spec.labels, '{{dedupLabel}}'],
  };
  if (spec.components.length > 0) fields.components = spec.components.map((name) => ({ name }));
  return JSON.stringify({ fields });
}

/** Body sent to the Jira Automation incoming webhook on re-alerts and recoveries. */
export function syncTemplate(): string {
  return JSON.stringify({
    dedupLabel: '{{dedupLabel}}',
    status: '{{status}}',
    source: '{{source}}',
    title: '{{title}}',
    message: '{{message}}',
    link: '{{link}}',
    time: '{{time}}',
  });
}

/**
 * Problems of a rendered create-issue body (empty when it has the shape Jira requires).
 */
export function createIssueProblems(body: unknown, adf: boolean): string[] {
  const p: string[] = [];
  const obj = (x: unknown): x is Record<string, any> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!obj(body) || !obj(body.fields)) return ['a JSON object with "fields"'];
  const f = body.fields;
  if (!obj(f.project) || typeof f.project.key !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(f.project.key)) p.push('fields.project.key: a project key');
  if (!obj(f.issuetype) || typeof f.issuetype.name !== 'string' || !f.issuetype.name) p.push('fields.issuetype.name: an issue type name');
  if (typeof f.summary !== 'string' || f.summary.trim() === '' || f.summary.length > 255 || f.summary.includes('\n')) {
    p.push('fields.summary: one line of 1-255 characters');
  }
  if (f.priority !== undefined && (!obj(f.priority) || typeof f.priority.name !== 'string')) p.push('fields.priority: {"name": …}');
  if (f.labels !== undefined && (!Array.isArray(f.labels) || f.labels.some((l: unknown) => typeof l !== 'string' || l === '' || /\s/.test(l) || l.length > 255))) {
    p.push('fields.labels: strings without spaces');
  }
  if (f.components !== undefined && (!Array.isArray(f.components) || f.components.some((c: unknown) => !obj(c) || typeof c.name !== 'string'))) {
    p.push('fields.components: [{"name": …}]');
  }
  if (adf) {
    const d = f.description;
    const ok = obj(d) && d.type === 'doc' && d.version === 1 && Array.isArray(d.content) && d.content.length > 0 &&
      d.content.every((para: any) => obj(para) && para.type === 'paragraph' && Array.isArray(para.content) &&
        para.content.every((t: any) => obj(t) && t.type === 'text' && typeof t.text === 'string' && t.text.length > 0));
    if (!ok) p.push('fields.description: an Atlassian Document Format doc of paragraphs with non-empty text (REST API v3)');
  } else if (typeof f.description !== 'string') {
    p.push('fields.description: a string (REST API v2)');
  }
  return p;
}
