import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { paymentsPackageDefinition, paymentsProto } from '../../proto/services';
import type { PaymentsServiceHandlers } from '../../proto/generated/checkout/payments/v1/PaymentsService';
import type { ServiceDeps } from '../registry';
import { PaymentsService } from './payments.service';
import { SandboxProvider, type PaymentProvider } from './sandbox-provider';

/** The payments service as a gRPC registration, wired to the sandbox provider unless another is given. */
export function paymentsRegistration(deps: ServiceDeps, provider: PaymentProvider = new SandboxProvider()): ServiceRegistration {
  const service = new PaymentsService(deps.prisma, provider, deps.now);
  const handlers: PaymentsServiceHandlers = {
    Charge: unary('payments.Charge', (r) => service.charge(r), deps),
    IssueSlip: unary('payments.IssueSlip', (r) => service.issueSlip(r), deps),
    ConfirmSlip: unary('payments.ConfirmSlip', (r) => service.confirmSlip(r), deps),
    Refund: unary('payments.Refund', (r) => service.refund(r), deps),
    Void: unary('payments.Void', (r) => service.void(r), deps),
    GetPayment: unary('payments.GetPayment', (r) => service.getPayment(r), deps),
  };
  return {
    name: 'checkout.payments.v1.PaymentsService',
    definition: paymentsProto.PaymentsService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: paymentsPackageDefinition,
  };
}
