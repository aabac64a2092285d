/**
 * Defaults for HTTP exposure through the Gateway API.
 *
 * The Gateway is shared infrastructure owned by the platform team, in its own namespace (`gateway-system` by
 * convention), not in the app's namespace. An HTTPRoute in the app namespace may attach to it without a
 * ReferenceGrant (ReferenceGrant is only for references to objects in other namespaces from routes' backendRefs, or
 * from Gateways to Secrets); what the Gateway needs instead is a listener whose `allowedRoutes.namespaces` admits the
 * app namespace (`from: All`, or `from: Selector` matching a label on it).
 *
 * The route names the listener (`sectionName`): without it the route attaches to every listener, and a plain
 * HTTP listener would serve the app without redirecting to HTTPS.
 */
export const DEFAULT_GATEWAY_NAMESPACE = 'gateway-system';
/** Name of the Gateway's HTTPS listener the route attaches to. */
export const DEFAULT_GATEWAY_SECTION = 'https';
