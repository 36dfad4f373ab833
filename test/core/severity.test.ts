import { Severities, Severity } from '../../src';

test.each([
  [Severity.SEV1, 1, 'Highest', 'critical', 'sev1'],
  [Severity.SEV2, 2, 'High', 'error', 'sev2'],
  [Severity.SEV3, 3, 'Medium', 'warning', 'sev3'],
  [Severity.SEV4, 4, 'Low', 'info', 'sev4'],
  [Severity.SEV5, 5, 'Lowest', 'info', 'sev5'],
])('%s maps to rank %d, Jira %s, PagerDuty %s, label %s', (sev, rank, jira, pd, label) => {
  expect(Severities.rank(sev)).toBe(rank);
  expect(Severities.jiraPriority(sev)).toBe(jira);
  expect(Severities.pagerDutySeverity(sev)).toBe(pd);
  expect(Severities.label(sev)).toBe(label);
});

test('all() is ordered most severe first and isSeverity rejects other values', () => {
  expect(Severities.all()).toEqual([Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV4, Severity.SEV5]);
  expect(Severities.isSeverity('SEV3')).toBe(true);
  expect(Severities.isSeverity('P1')).toBe(false);
});
