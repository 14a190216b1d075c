import type { PluginModule } from '../../kernel/types.js';
import { runtimeObjects } from '../../data/engine/runtime-objects.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { MetadataPluginConfigSchema, type MetadataPluginConfigInput } from './config.js';
import { MetadataService } from './metadata-service.js';

export { MetadataService, type FieldMetadata, type ObjectMetadata } from './metadata-service.js';
export type { MetadataPluginConfigInput } from './config.js';

declare module '../../kernel/types.js' {
  interface ServiceMap {
    metadata: MetadataService;
  }
}

/** `com.objectstack.metadata`: provides the `metadata` service (getObject, listObjects, getField) from the stack's objects. */
const metadataPlugin: PluginModule<MetadataPluginConfigInput> = {
  init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, MetadataPluginConfigSchema, ctx.config);
    const objects = runtimeObjects(ctx.objects.list(), ctx.system);
    ctx.registerService('metadata', new MetadataService(objects, { includeHidden: config.includeHidden }));
  },
};

export default metadataPlugin;
