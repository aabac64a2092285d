import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';
import { policy } from '../../../src/policy/index.js';

// Header rules of Ingresses and HTTPRoutes at their exact line and text (the validators cannot see these).

const RULES = new Set(['ingress-header-deprecated', 'ingress-set-cookie', 'ingress-headers-missing']);
async function findings(files: Record<string, string>): Promise<string[]> {
  const report = await checkMemory(new Map(Object.entries(files)));
  return report.findings.filter((f) => RULES.has(f.rule)).map((f) => `${f.file}:${f.line} ${f.rule}${f.detail ? `/${f.detail}` : ''} ${f.message}`);
}
const all = Object.keys(policy.securityHeaders);
const configMap = (name: string, headers: readonly string[]) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${headers.map((h) => `  ${h}: "x"`).join('\n')}\n`;
const ingress = (annotations: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n  rules: []\n`;

describe('Ingress headers', () => {
  it('names deprecated, superseded and cookie headers of add-headers at the annotation\'s line', async () => {
    const block = ['X-XSS-Protection: "1; mode=block"', '  x-xss-protection "0"', 'Feature-Policy: "camera \'none\'"', 'Set-Cookie: a=b', 'X-Other: "1"', 'not a header line'].map((l) => `      ${l}\n`).join('');
    const text = ingress(`    nginx.ingress.kubernetes.io/custom-headers: team/hdrs\n    nginx.ingress.kubernetes.io/add-headers: |\n${block}`);
    expect(await findings({ 'ing.yaml': text, 'cm.yaml': configMap('hdrs', all) })).toEqual([
      'ing.yaml:7 ingress-header-deprecated/header-x-xss-protection X-XSS-Protection "1; mode=block" is deprecated: omit it or send "0"',
      'ing.yaml:7 ingress-header-deprecated/header-feature-policy Feature-Policy is superseded by Permissions-Policy',
      'ing.yaml:7 ingress-set-cookie Set-Cookie at the ingress: cookie attributes belong to the app',
    ]);
  });

  it('lists the policy headers its custom-headers ConfigMap lacks (matched case-blind, by name without namespace)', async () => {
    const sent = all.slice(1).map((h, i) => (i === 0 ? h.toLowerCase() : h));
    const text = ingress('    nginx.ingress.kubernetes.io/custom-headers: team/hdrs\n');
    expect(await findings({ 'ing.yaml': text, 'cm.yaml': configMap('hdrs', sent) })).toEqual([`ing.yaml:5 ingress-headers-missing Ingress/web does not send ${all[0]} (custom-headers ConfigMap team/hdrs)`]);
    expect(await findings({ 'ing.yaml': ingress('    nginx.ingress.kubernetes.io/custom-headers: hdrs\n'), 'cm.yaml': configMap('hdrs', all) })).toEqual([]);
    expect(await findings({ 'ing.yaml': ingress('    nginx.ingress.kubernetes.io/custom-headers: other\n'), 'cm.yaml': configMap('hdrs', all) })).toEqual([
      `ing.yaml:5 ingress-headers-missing Ingress/web does not send ${all.join(', ')} (custom-headers ConfigMap other)`,
    ]);
    expect(await findings({ 'ing.yaml': ingress('    x: "1"\n') })).toEqual([`ing.yaml:5 ingress-headers-missing Ingress/web does not send ${all.join(', ')} (no custom-headers annotation)`]);
  });
});

describe('HTTPRoute headers', () => {
  it('counts headers set or added by any ResponseHeaderModifier of any rule', async () => {
    const [first, second, ...rest] = all;
    const route = (filters: string) =>
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: api\nspec:\n  rules:\n    - filters:\n${filters}    - matches: []\n`;
    const modifier = `        - type: ResponseHeaderModifier\n          responseHeaderModifier:\n            set:\n${rest.map((h) => `              - name: ${h}\n                value: x\n`).join('')}            add:\n              - name: ${second}\n                value: x\n        - type: Other\n`;
    expect(await findings({ 'route.yaml': route(modifier) })).toEqual([`route.yaml:6 ingress-headers-missing HTTPRoute/api does not send ${first} (ResponseHeaderModifier)`]);
    const none = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: bare\nspec: {}\n';
    expect(await findings({ 'route.yaml': none })).toEqual([`route.yaml:5 ingress-headers-missing HTTPRoute/bare does not send ${all.join(', ')} (ResponseHeaderModifier)`]);
  });
});
