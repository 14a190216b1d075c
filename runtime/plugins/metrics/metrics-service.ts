import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

export interface MetricsOptions {
  /** Prefix of every metric name, e.g. `objectstack_`. */
  prefix: string;
  /** Also export Node.js process metrics. */
  defaultMetrics: boolean;
}

export interface HttpRequestObservation {
  method: string;
  /** The route pattern (`/api/v1/:object`), not the raw URL, so label values stay few. */
  route: string;
  status: number;
  durationMs: number;
}

export interface DbQueryObservation {
  /** select, insert, update, delete, ddl… */
  operation: string;
  object: string;
  durationMs: number;
}

const HTTP_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS_SECONDS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

type LabelName = string;

/**
 * The `metrics` service: one prom-client registry per kernel with the runtime's standard metrics, factories for a
 * plugin's own metrics, and `render()` for `GET /api/v1/metrics`.
 */
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly dbDuration: Histogram<'operation' | 'object'>;
  private readonly events: Counter<'event'>;
  private readonly pluginErrors: Counter<'plugin' | 'phase'>;

  constructor(private readonly options: MetricsOptions) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: options.prefix });
    this.httpRequests = this.counter({
      name: 'http_requests_total',
      help: 'HTTP requests handled, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
    });
    this.httpDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS_SECONDS,
    });
    this.dbDuration = this.histogram({
      name: 'db_query_duration_seconds',
      help: 'Database query time in seconds, by operation and object',
      labelNames: ['operation', 'object'],
      buckets: DB_BUCKETS_SECONDS,
    });
    this.events = this.counter({
      name: 'events_total',
      help: 'Events emitted on the kernel event bus, by event name',
      labelNames: ['event'],
    });
    this.pluginErrors = this.counter({
      name: 'plugin_errors_total',
      help: 'Errors isolated by the kernel (failed lifecycle hooks, throwing listeners), by plugin and phase',
      labelNames: ['plugin', 'phase'],
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeHttpRequest(observation: HttpRequestObservation): void {
    const labels = {
      method: observation.method.toUpperCase(),
      route: observation.route,
      status: String(observation.status),
    };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, observation.durationMs / 1000);
  }

  observeDbQuery(observation: DbQueryObservation): void {
    this.dbDuration.observe(
      { operation: observation.operation, object: observation.object },
      observation.durationMs / 1000,
    );
  }

  countEvent(event: string): void {
    this.events.inc({ event });
  }

  countPluginError(plugin: string, phase: string): void {
    this.pluginErrors.inc({ plugin, phase });
  }

  /** A counter of the caller's own, named `<prefix><name>`; asking twice for one name returns the same counter. */
  counter<Labels extends LabelName>(configuration: Omit<CounterConfiguration<Labels>, 'registers'>): Counter<Labels> {
    return this.existing<Counter<Labels>>(configuration.name) ?? new Counter({ ...this.own(configuration) });
  }

  histogram<Labels extends LabelName>(
    configuration: Omit<HistogramConfiguration<Labels>, 'registers'>,
  ): Histogram<Labels> {
    return this.existing<Histogram<Labels>>(configuration.name) ?? new Histogram({ ...this.own(configuration) });
  }

  gauge<Labels extends LabelName>(configuration: Omit<GaugeConfiguration<Labels>, 'registers'>): Gauge<Labels> {
    return this.existing<Gauge<Labels>>(configuration.name) ?? new Gauge({ ...this.own(configuration) });
  }

  /** Prometheus text exposition format (version 0.0.4) of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private own<Configuration extends { name: string }>(
    configuration: Configuration,
  ): Configuration & { registers: Registry[] } {
    return { ...configuration, name: this.options.prefix + configuration.name, registers: [this.registry] };
  }

  private existing<Metric>(name: string): Metric | undefined {
    return this.registry.getSingleMetric(this.options.prefix + name) as Metric | undefined;
  }
}
