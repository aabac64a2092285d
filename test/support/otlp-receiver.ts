import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';

const require = createRequire(import.meta.url);

interface Codec {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

// The protobufjs static module generated from the OTLP .proto files, shipped by the OpenTelemetry JS SDK.
const otlp = (require('@opentelemetry/otlp-transformer/build/src/generated/root.js') as { opentelemetry: { proto: any } }).opentelemetry.proto;

/** OTLP `AnyValue` as JavaScript: strings, numbers (int64 as number), booleans. */
export type AttributeValue = string | number | boolean | undefined;

export interface Resource {
  readonly attributes: Record<string, AttributeValue>;
}

export interface ReceivedSpan {
  readonly resource: Resource;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly statusCode: number;
  readonly attributes: Record<string, AttributeValue>;
}

export interface ReceivedDataPoint {
  readonly resource: Resource;
  readonly metric: string;
  readonly kind: 'sum' | 'histogram' | 'gauge';
  readonly attributes: Record<string, AttributeValue>;
  /** Sum value, or histogram count. */
  readonly value: number;
  /** Histogram sum. */
  readonly sum?: number;
}

export interface ReceivedLog {
  readonly resource: Resource;
  readonly body: string;
  readonly severityText: string;
  readonly traceId: string;
  readonly spanId: string;
}

function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(String(value));
}

function anyValue(v: any): AttributeValue {
  if (!v) return undefined;
  if (v.stringValue !== null && v.stringValue !== undefined) return v.stringValue as string;
  if (v.intValue !== null && v.intValue !== undefined) return num(v.intValue);
  if (v.doubleValue !== null && v.doubleValue !== undefined) return v.doubleValue as number;
  if (v.boolValue !== null && v.boolValue !== undefined) return v.boolValue as boolean;
  return undefined;
}

function attributes(list: any[] | null | undefined): Record<string, AttributeValue> {
  return Object.fromEntries((list ?? []).map((kv: any) => [kv.key as string, anyValue(kv.value)]));
}

function hex(bytes: Uint8Array | null | undefined): string {
  return Buffer.from(bytes ?? []).toString('hex');
}

function unary(service: string, request: Codec, response: Codec): grpc.ServiceDefinition {
  return {
    Export: {
      path: `/${service}/Export`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (value: object) => Buffer.from(request.encode(value).finish()),
      requestDeserialize: (bytes: Buffer) => request.decode(bytes),
      responseSerialize: (value: object) => Buffer.from(response.encode(value).finish()),
      responseDeserialize: (bytes: Buffer) => response.decode(bytes),
    },
  };
}

/**
 * An OTLP/gRPC receiver (the protocol of the agent's port 4317) on 127.0.0.1 that decodes every export
 * request with the OTLP protobuf definitions and keeps what arrived.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly points: ReceivedDataPoint[] = [];
  readonly logs: ReceivedLog[] = [];
  private readonly server = new grpc.Server();
  port = 0;

  async start(): Promise<void> {
    const c = otlp.collector;
    const ok = <T>(handle: (request: T) => void, reply: object) =>
      (call: grpc.ServerUnaryCall<T, object>, callback: grpc.sendUnaryData<object>) => {
        handle(call.request);
        callback(null, reply);
      };
    this.server.addService(
      unary('opentelemetry.proto.collector.trace.v1.TraceService', c.trace.v1.ExportTraceServiceRequest, c.trace.v1.ExportTraceServiceResponse),
      { Export: ok((r: any) => this.onTraces(r), {}) },
    );
    this.server.addService(
      unary('opentelemetry.proto.collector.metrics.v1.MetricsService', c.metrics.v1.ExportMetricsServiceRequest, c.metrics.v1.ExportMetricsServiceResponse),
      { Export: ok((r: any) => this.onMetrics(r), {}) },
    );
    this.server.addService(
      unary('opentelemetry.proto.collector.logs.v1.LogsService', c.logs.v1.ExportLogsServiceRequest, c.logs.v1.ExportLogsServiceResponse),
      { Export: ok((r: any) => this.onLogs(r), {}) },
    );
    this.port = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port)));
    });
  }

  clear(): void {
    this.spans.length = 0;
    this.points.length = 0;
    this.logs.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private onTraces(request: any): void {
    for (const rs of request.resourceSpans ?? []) {
      const resource = { attributes: attributes(rs.resource?.attributes) };
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          this.spans.push({
            resource,
            name: s.name,
            traceId: hex(s.traceId),
            spanId: hex(s.spanId),
            statusCode: num(s.status?.code),
            attributes: attributes(s.attributes),
          });
        }
      }
    }
  }

  private onMetrics(request: any): void {
    for (const rm of request.resourceMetrics ?? []) {
      const resource = { attributes: attributes(rm.resource?.attributes) };
      for (const sm of rm.scopeMetrics ?? []) {
        for (const m of sm.metrics ?? []) {
          for (const p of m.sum?.dataPoints ?? []) {
            this.points.push({ resource, metric: m.name, kind: 'sum', attributes: attributes(p.attributes), value: num(p.asInt ?? p.asDouble) });
          }
          for (const p of m.gauge?.dataPoints ?? []) {
            this.points.push({ resource, metric: m.name, kind: 'gauge', attributes: attributes(p.attributes), value: num(p.asInt ?? p.asDouble) });
          }
          for (const p of m.histogram?.dataPoints ?? []) {
            this.points.push({ resource, metric: m.name, kind: 'histogram', attributes: attributes(p.attributes), value: num(p.count), sum: num(p.sum) });
          }
        }
      }
    }
  }

  private onLogs(request: any): void {
    for (const rl of request.resourceLogs ?? []) {
      const resource = { attributes: attributes(rl.resource?.attributes) };
      for (const sl of rl.scopeLogs ?? []) {
        for (const l of sl.logRecords ?? []) {
          this.logs.push({ resource, body: String(anyValue(l.body) ?? ''), severityText: l.severityText ?? '', traceId: hex(l.traceId), spanId: hex(l.spanId) });
        }
      }
    }
  }
}
