import { KernelError } from './errors.js';

/**
 * Service name → implementation, O(1) both ways. Remembers which plugin registered each service (so a destroyed
 * or reloaded plugin's services are withdrawn) and which plugin declares it (for the "provided by" hint).
 */
export class ServiceRegistry {
  private readonly services = new Map<string, unknown>();
  private readonly owners = new Map<string, string>();
  private readonly declaredProviders = new Map<string, string>();

  /** Records that `pluginId`'s manifest lists `service` in providesServices. */
  declareProvider(service: string, pluginId: string): void {
    if (!this.declaredProviders.has(service)) this.declaredProviders.set(service, pluginId);
  }

  declaredProvider(service: string): string | undefined {
    return this.declaredProviders.get(service);
  }

  register(owner: string, name: string, impl: unknown): void {
    const current = this.owners.get(name);
    if (current !== undefined) {
      throw new KernelError(
        'OS7009',
        `Service '${name}' is already registered by plugin '${current}'; plugin '${owner}' cannot register it again — keep one provider or use another service name`,
        owner,
      );
    }
    if (impl === undefined) {
      throw new KernelError('OS7009', `Plugin '${owner}' registered service '${name}' as undefined; pass the implementation`, owner);
    }
    this.services.set(name, impl);
    this.owners.set(name, owner);
  }

  get<T>(name: string): T {
    const impl = this.services.get(name);
    if (impl === undefined) throw this.missing(name);
    return impl as T;
  }

  has(name: string): boolean {
    return this.services.has(name);
  }

  owner(name: string): string | undefined {
    return this.owners.get(name);
  }

  /** Service names with the plugin that registered each, sorted by name. */
  list(): { name: string; owner: string }[] {
    return [...this.owners].map(([name, owner]) => ({ name, owner })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Withdraws every service of one plugin and returns them, so a failed reload can put them back. */
  removeOwner(owner: string): [string, unknown][] {
    const removed: [string, unknown][] = [];
    for (const [name, registeredBy] of this.owners) {
      if (registeredBy !== owner) continue;
      removed.push([name, this.services.get(name)]);
      this.services.delete(name);
      this.owners.delete(name);
    }
    return removed;
  }

  restore(owner: string, services: readonly [string, unknown][]): void {
    for (const [name, impl] of services) this.register(owner, name, impl);
  }

  private missing(name: string): KernelError {
    const provider = this.declaredProviders.get(name);
    const hint = provider
      ? `it is provided by plugin ${provider}`
      : 'no plugin provides it; add a plugin that provides it to the stack';
    return new KernelError('OS7006', `Service '${name}' is not registered; ${hint}`);
  }
}
