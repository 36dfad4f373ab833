import { Secret } from '../../src/core/secret';
import { GitLabConnection } from '../../src/gitlab';
import { newStack, synthStack } from '../support/synth';

test('configures the gitlab provider with the default base URL; the token is a sensitive variable, not a value', () => {
  process.env.TF_VAR_gl_token = 'CANARY-gitlab-token-5e5e';
  const stack = newStack();
  new GitLabConnection(stack, 'GitLab', { token: Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_gl_token' }), testConnection: false });
  const json = synthStack(stack);
  expect(json.provider.gitlab[0].base_url).toBe('https://gitlab.com/api/v4/');
  expect(json.provider.gitlab[0].token).toMatch(/^\$\{var\./);
  expect(JSON.stringify(json)).not.toContain('CANARY-gitlab-token-5e5e');
});

test('a non-https base URL is refused', () => {
  const stack = newStack();
  expect(() => new GitLabConnection(stack, 'GitLab', {
    token: Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_gl_token' }), baseUrl: 'http://gitlab.example.com/api/v4', testConnection: false,
  })).toThrow(/baseUrl/);
});

test.each([
  ['https://gitlab.example.com/api/v4', 'https://gitlab.example.com/api/v4/'],
  ['https://gitlab.example.com/api/v4/', 'https://gitlab.example.com/api/v4/'],
])('a self-managed base URL %s is written with one trailing slash', (given, written) => {
  const stack = newStack();
  const gl = new GitLabConnection(stack, 'GitLab', { token: Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_gl_token' }), baseUrl: given, testConnection: false });
  expect(gl.baseUrl).toBe(written);
  expect(synthStack(stack).provider.gitlab[0].base_url).toBe(written);
});

test('the bad base URL error names the construct path, the prop and the value', () => {
  const stack = newStack();
  expect(() => new GitLabConnection(stack, 'GitLab', {
    token: Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_gl_token' }), baseUrl: 'ftp://gitlab.example.com', testConnection: false,
  })).toThrow(/GitLab.*baseUrl.*ftp:\/\/gitlab\.example\.com/s);
});
