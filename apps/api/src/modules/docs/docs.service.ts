import { Inject, Injectable, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PERMISSION_KEY, type RoutePermission } from '../../common/auth/permission.decorator.js';
import { API_DOC, type ApiDocOptions } from '../../common/decorators/api-doc.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { buildOpenApi, type RouteInfo } from './openapi.builder.js';

// Nest's own metadata keys for @Controller paths and route decorators.
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

@Injectable()
export class DocsService {
  private document: Record<string, unknown> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every route the application serves, with its path, method and @ApiDoc. */
  routes(): RouteInfo[] {
    const routes: RouteInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prefix = this.reflector.get<string | string[]>(PATH_METADATA, wrapper.metatype) ?? '';
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPath === undefined || method === undefined) continue;
        const path = joinPath(first(prefix), first(methodPath));
        routes.push({
          method: RequestMethod[method],
          path,
          doc: this.reflector.get<ApiDocOptions | undefined>(API_DOC, handler as () => unknown),
          permission: this.reflector.getAllAndOverride<RoutePermission | undefined>(PERMISSION_KEY, [
            handler as () => unknown,
            wrapper.metatype as () => unknown,
          ]),
        });
      }
    }
    return routes;
  }

  openApi(): Record<string, unknown> {
    this.document ??= buildOpenApi(this.routes(), this.config.version);
    return this.document;
  }
}

function first(value: string | string[]): string {
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

function joinPath(prefix: string, path: string): string {
  const joined = `/${[prefix, path]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
}
