import * as grpc from '@grpc/grpc-js';
import type { ProtoGrpcType as PosGrpc } from './generated/pos';
import type { PosServiceClient } from './generated/checkout/pos/v1/PosService';
import { loadProto } from './load';

export type { PosServiceClient };

/** The point-of-sale contract (proto/pos.proto), for its server and reflection. */
export const posPackageDefinition = loadProto('pos');
export const posProto = (grpc.loadPackageDefinition(posPackageDefinition) as unknown as PosGrpc).checkout.pos.v1;

/** A client of the point-of-sale service at host:port (it runs beside the orders service, whose schema it shares). */
export function createPosClient(address: string): PosServiceClient {
  return new posProto.PosService(address, grpc.credentials.createInsecure());
}
