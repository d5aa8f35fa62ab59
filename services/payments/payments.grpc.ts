import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { paymentsPackageDefinition, paymentsProto } from '../../proto/services';
import type { PaymentsServiceHandlers } from '../../proto/generated/checkout/payments/v1/PaymentsService';
import type { ServiceDeps } from '../registry';
import { PaymentsService } from './payments.service';
import { SandboxProvider, type PaymentProvider } from './sandbox-provider';

/**
 * The payments service as a gRPC registration, wired to the sandbox provider (its records in this
 * database) unless another provider is given; each handler is bounded by its caller's deadline.
 */
export function paymentsRegistration(deps: ServiceDeps, provider: PaymentProvider = new SandboxProvider(deps.prisma)): ServiceRegistration {
  const service = new PaymentsService(deps.prisma, provider, deps.now);
  const handlers: PaymentsServiceHandlers = {
    Charge: unary('payments.Charge', (r, context) => service.charge(r, context), deps),
    IssueSlip: unary('payments.IssueSlip', (r, context) => service.issueSlip(r, context), deps),
    ConfirmSlip: unary('payments.ConfirmSlip', (r, context) => service.confirmSlip(r, context), deps),
    Refund: unary('payments.Refund', (r, context) => service.refund(r, context), deps),
    Void: unary('payments.Void', (r, context) => service.void(r, context), deps),
    GetPayment: unary('payments.GetPayment', (r) => service.getPayment(r), deps),
    ListPayments: unary('payments.ListPayments', async (r) => ({ payments: await service.listPayments(r) }), deps),
    RefundPartial: unary('payments.RefundPartial', async (r, context) => {
      const { refundedMinor, ...payment } = await service.refundPartial(r, context);
      return { payment, refundedMinor };
    }, deps),
  };
  return {
    name: 'checkout.payments.v1.PaymentsService',
    definition: paymentsProto.PaymentsService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: paymentsPackageDefinition,
  };
}
