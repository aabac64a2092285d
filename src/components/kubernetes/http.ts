import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import type { RepoContext } from '../../project/context.js';
import { commonLabels, names } from './labels.js';

type Http = NonNullable<RepoContext['options']['http']>;

/**
 * Ingress (ingress-nginx): headers come from a ConfigMap named by the `custom-headers` annotation, never
 * from `configuration-snippet` (disabled by default since controller 1.9, critical risk since 1.12).
 */
export function ingress(ctx: RepoContext, http: Http): [IIngress, IConfigMap] {
  const headers: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.headers(ctx), labels: commonLabels(ctx) },
    data: { ...ctx.policy.securityHeaders },
  };
  const resource: IIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: names.route(ctx),
      labels: commonLabels(ctx),
      annotations: {
        'nginx.ingress.kubernetes.io/custom-headers': `${ctx.options.namespace}/${names.headers(ctx)}`,
        'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
      },
    },
    spec: {
      ingressClassName: http.ingressClassName,
      tls: [{ hosts: [http.host], secretName: `${ctx.name}-tls` }],
      rules: [
        {
          host: http.host,
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: http.service, port: { number: http.port } } } }],
          },
        },
      ],
    },
  };
  return [resource, headers];
}

/** Gateway API: the headers are a ResponseHeaderModifier filter (standard channel), no controller-specific annotations. */
export function httpRoute(ctx: RepoContext, http: Http): IHTTPRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: names.route(ctx), labels: commonLabels(ctx) },
    spec: {
      parentRefs: [{ name: http.gatewayName, namespace: http.gatewayNamespace, sectionName: http.gatewaySectionName }],
      hostnames: [http.host],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          filters: [
            {
              type: 'ResponseHeaderModifier',
              responseHeaderModifier: {
                set: Object.entries(ctx.policy.securityHeaders).map(([name, value]) => ({ name, value })),
              },
            },
          ],
          backendRefs: [{ name: http.service, port: http.port }],
        },
      ],
    },
  } as IHTTPRoute;
}
