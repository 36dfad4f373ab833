import { IConstruct } from 'constructs';
import { requireTagValue } from './tags';
import { fail, requirePattern } from '../../core/private/validate';
import { DatadogSite } from '../datadog-site';
import type { DoraReportingOptions } from '../dora-reporting';

/** The validated settings the CI renderers use. */
export interface DoraSettings {
  readonly service: string;
  readonly env: string;
  readonly team?: string;
  /** `https://api.<site>/api/v2/dora` */
  readonly endpoint: string;
  readonly apiKeyVariable: string;
  /** The reporting program (Node.js 18+, no dependencies). */
  readonly script: string;
}

/** Checks the options; `prop` names them in errors, `defaultEnv` is the apply environment. */
export function doraSettings(scope: IConstruct, prop: string, o: DoraReportingOptions | undefined, defaultEnv: string): DoraSettings | undefined {
  if (o === undefined) return undefined;
  if (!o || typeof o !== 'object') fail(scope, prop, o, 'a DoraReportingOptions object');
  const service = requireTagValue(scope, `${prop}.service`, 'service', o.service);
  const env = requireTagValue(scope, `${prop}.env`, 'env', o.env ?? defaultEnv.toLowerCase());
  const team = o.team === undefined ? undefined : requireTagValue(scope, `${prop}.team`, 'team', o.team);
  const site = o.site ?? DatadogSite.US1;
  if (!(site instanceof DatadogSite)) fail(scope, `${prop}.site`, o.site, 'a DatadogSite');
  const apiKeyVariable = requirePattern(scope, `${prop}.apiKeyVariable`, o.apiKeyVariable ?? 'DD_API_KEY', /^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'a CI secret name of letters, digits and _ (not starting with a digit)');
  return { service, env, team, endpoint: `${site.apiUrl}api/v2/dora`, apiKeyVariable, script: DORA_REPORT_SCRIPT };
}

/**
 * The program a pipeline's apply job runs after the apply, with the job's outcome. It posts
 * to Datadog's DORA Metrics API (`POST /api/v2/dora/deployment` and `/api/v2/dora/failure`;
 * request bodies `DORADeploymentRequest` and `DORAFailureRequest` of Datadog's API clients):
 * - a successful apply is a deployment (started and finished, the commit and repository);
 * - a successful rollback (a run marked as one, or a commit made by `git revert`) is a
 *   deployment and a failure that it restored (started and finished);
 * - a failed apply is a failure that has not been restored (no finish time);
 * - a cancelled apply is not reported.
 * Times are Unix seconds (the API takes seconds, milliseconds or nanoseconds). A report that
 * cannot be sent is a warning in the log, never a failed deployment.
 */
export const DORA_REPORT_SCRIPT = `'use strict';
const env = process.env;
const key = env[env.DORA_API_KEY_VARIABLE || 'DD_API_KEY'];
const started = Number(env.DORA_STARTED_AT);
const finished = Number(env.DORA_FINISHED_AT || Math.floor(Date.now() / 1000));
const title = (env.DORA_COMMIT_TITLE || '').split('\\n')[0];
const rollback = env.DORA_ROLLBACK === 'true' || title.startsWith('Revert "');
const succeeded = env.DORA_OUTCOME === 'success';
const common = { env: env.DORA_ENV, version: env.DORA_COMMIT_SHA, git: { commit_sha: env.DORA_COMMIT_SHA, repository_url: env.DORA_REPOSITORY_URL } };
if (env.DORA_TEAM) common.team = env.DORA_TEAM;
const reports = [];
if (succeeded) reports.push(['deployment', { ...common, service: env.DORA_SERVICE, started_at: started, finished_at: finished }]);
if (succeeded && rollback) reports.push(['failure', { ...common, services: [env.DORA_SERVICE], name: 'Rolled back: ' + title, started_at: started, finished_at: finished }]);
if (!succeeded) reports.push(['failure', { ...common, services: [env.DORA_SERVICE], name: 'Apply failed at ' + env.DORA_COMMIT_SHA, started_at: started }]);
(async () => {
  if (!key) { console.log('warning: no Datadog API key in ' + (env.DORA_API_KEY_VARIABLE || 'DD_API_KEY') + '; DORA report skipped'); return; }
  if (!Number.isFinite(started) || started <= 0) { console.log('warning: the apply did not start; DORA report skipped'); return; }
  if (/^cancel/.test(env.DORA_OUTCOME || '')) { console.log('the apply was cancelled; no DORA report'); return; }
  for (const [kind, attributes] of reports) {
    try {
      const res = await fetch(env.DORA_ENDPOINT + '/' + kind, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'DD-API-KEY': key },
        body: JSON.stringify({ data: { attributes } }),
      });
      const text = await res.text();
      console.log((res.ok ? 'DORA ' : 'warning: DORA ') + kind + ' report: HTTP ' + res.status + (res.ok ? '' : ' ' + text.slice(0, 500)));
    } catch (e) {
      console.log('warning: DORA ' + kind + ' report not sent: ' + e.message);
    }
  }
})();
`;

/** The environment of the reporting program that does not depend on the CI system. */
export function doraEnvironment(d: DoraSettings): Record<string, string> {
  return {
    DORA_ENDPOINT: d.endpoint,
    DORA_API_KEY_VARIABLE: d.apiKeyVariable,
    DORA_SERVICE: d.service,
    DORA_ENV: d.env,
    ...(d.team ? { DORA_TEAM: d.team } : {}),
  };
}

/** Shell lines that write the program to `file` and run it (a quoted heredoc: no expansion). */
export function doraRunCommand(file: string): (d: DoraSettings) => string {
  return (d) => [`cat > ${file} <<'DORA_REPORT'`, d.script.trimEnd(), 'DORA_REPORT', `node ${file}`].join('\n');
}
