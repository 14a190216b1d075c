import { z } from 'zod';

export const TracingConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false).describe('Record distributed traces'),
    sampling: z
      .strictObject({
        strategy: z.enum(['always_on', 'always_off', 'ratio', 'parent_based']).default('parent_based').describe('How spans are chosen for recording'),
        ratio: z.number().min(0).max(1).default(1).describe('Fraction of traces recorded by the ratio strategies'),
      })
      .prefault({})
      .describe('Trace sampling'),
    propagation: z
      .array(z.enum(['w3c', 'b3', 'jaeger']))
      .default(['w3c'])
      .describe('Context propagation formats read from and written to requests'),
    exporter: z
      .strictObject({
        type: z.enum(['none', 'console', 'otlp', 'zipkin', 'jaeger']).default('none').describe('Where spans are sent'),
        endpoint: z.string().optional().describe('Collector endpoint, e.g. http://localhost:4318'),
        protocol: z.enum(['grpc', 'http']).default('http').describe('OTLP transport'),
      })
      .prefault({})
      .describe('Span exporter'),
  })
  .describe('Distributed tracing (OpenTelemetry)');
