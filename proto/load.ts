import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

/** The options the generated types in proto/generated were made with (see `npm run proto:gen`). */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

const PROTO_DIR = __dirname.endsWith(path.join('dist', 'proto')) ? path.resolve(__dirname, '..', '..', 'proto') : __dirname;

/** Loads one of the platform's .proto files by base name, e.g. `diagnostics`. */
export function loadProto(name: string): protoLoader.PackageDefinition {
  return protoLoader.loadSync(path.join(PROTO_DIR, `${name}.proto`), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_DIR] });
}
