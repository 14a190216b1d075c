import type { PluginModule } from '../../kernel/types.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { AuthService } from './auth-service.js';
import { AuthPluginConfigSchema, type AuthPluginConfigInput } from './config.js';

export { AuthService } from './auth-service.js';
export { AuthError, isAuthError } from './auth-error.js';
export { JwtVerifier, signHs256, type JwtClaims, type JwtKeys } from './jwt.js';
export { assignedSets, mergeAccess } from './permission-sets.js';
export type { Identity, RequestHeaders } from './identity.js';
export type { AuthPluginConfig, AuthPluginConfigInput } from './config.js';

declare module '../../kernel/types.js' {
  interface ServiceMap {
    auth: AuthService;
  }
}

/**
 * `com.objectstack.auth`: provides the `auth` service (API keys and HS256/RS256 JWTs). The HTTP layer asks it who
 * sent each request and maps the identity to the stack's permission sets; with this plugin configured, anonymous
 * requests get 401.
 */
const authPlugin: PluginModule<AuthPluginConfigInput> = {
  init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, AuthPluginConfigSchema, ctx.config);
    const service = new AuthService(config);
    if (!service.configured) {
      ctx.logger.warn('auth plugin has no API key and no JWT key configured: every request will be refused');
    }
    ctx.registerService('auth', service);
  },
};

export default authPlugin;
