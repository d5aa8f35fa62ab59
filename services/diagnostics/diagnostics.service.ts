import type { PrismaClient } from '../../lib/prisma';
import { DomainError } from '../../lib/errors';
import type { GetPingRequest, Ping, RecordPingRequest } from '../../proto/diagnostics';

const MAX_MESSAGE_LENGTH = 500;

/** Stores pings: the smallest write that proves gRPC → Prisma → PostgreSQL works. */
export class DiagnosticsService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Records a ping once per idempotency key; a repeated key answers with the first record. */
  async recordPing(request: RecordPingRequest): Promise<Ping> {
    if (!request.pingId) throw new DomainError('VALIDATION_FAILED', 'pingId is required');
    if (!request.idempotencyKey) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
    if (request.message.length > MAX_MESSAGE_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', `message is longer than ${MAX_MESSAGE_LENGTH} characters`);
    }
    const existing = await this.prisma.ping.findUnique({ where: { idempotencyKey: request.idempotencyKey } });
    if (existing) return toPing(existing);
    try {
      const created = await this.prisma.ping.create({
        data: { pingId: request.pingId, message: request.message, idempotencyKey: request.idempotencyKey },
      });
      return toPing(created);
    } catch (err) {
      // A concurrent call with the same key won the insert: answer with its row.
      const winner = await this.prisma.ping.findUnique({ where: { idempotencyKey: request.idempotencyKey } });
      if (winner) return toPing(winner);
      throw err;
    }
  }

  /** Returns a recorded ping or NOT_FOUND. */
  async getPing(request: GetPingRequest): Promise<Ping> {
    const ping = await this.prisma.ping.findUnique({ where: { pingId: request.pingId } });
    if (!ping) throw new DomainError('NOT_FOUND', `no ping ${request.pingId}`);
    return toPing(ping);
  }
}

function toPing(row: { pingId: string; message: string; recordedAt: Date }): Ping {
  return { pingId: row.pingId, message: row.message, recordedAt: row.recordedAt.toISOString() };
}
