import type { NestExpressApplication } from '@nestjs/platform-express';

export type RouteEntry = { method: string; path: string };

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };

/** Every route the HTTP server has (Nest's controllers and Swagger's), read off express's router. */
export function listRoutes(app: NestExpressApplication): RouteEntry[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routes: RouteEntry[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method === '_all') continue;
        routes.push({ method: method.toUpperCase(), path });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: parameters become `1`, wildcards `x`. */
export function concretePath(pattern: string): string {
  return pattern
    .replace(/\{\/?\*[^}]*\}/g, '/x')
    .replace(/\*\w*/g, 'x')
    .replace(/:\w+/g, '1');
}
