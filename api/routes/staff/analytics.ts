import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import type { SalesReport__Output } from '../../../proto/generated/checkout/analytics/v1/SalesReport';
import type { SalesReportRequest } from '../../../proto/generated/checkout/analytics/v1/SalesReportRequest';
import type { AnalyticsServiceClient } from '../../../proto/services';
import { principalOf, requirePermission } from '../../auth';
import { TENANT_ROLES } from '../merchant-tenancy';

const MAX_REPORT_DAYS = 366;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** The query of GET /v1/staff/analytics/sales: business days (Tokyo), both inclusive. */
export const salesReportQuery = z
  .object({
    from: day.meta({ description: `First business day (Asia/Tokyo), inclusive; not after \`to\` (400 VALIDATION_FAILED otherwise)`, example: '2026-11-01' }),
    to: day.meta({ description: `Last business day, inclusive; at most ${MAX_REPORT_DAYS} days after \`from\``, example: '2026-11-30' }),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * 86_400_000, { message: `the range must be at most ${MAX_REPORT_DAYS} days`, path: ['to'] });

/**
 * The sales report of the analytics aggregates, with each day's settlements: permission analytics:read.
 * A merchant token gets its merchant's view (its SKUs and settlements only); one naming no merchant gets
 * an empty report rather than every merchant's figures.
 */
export function staffAnalyticsRoutes(deps: { analytics: AnalyticsServiceClient }): Router {
  const router = Router();
  const { analytics } = deps;

  router.get('/v1/staff/analytics/sales', requirePermission('analytics:read'), async (req, res) => {
    const q = salesReportQuery.parse(req.query);
    const principal = principalOf(req);
    const tenant = TENANT_ROLES.has(principal.role);
    // A tenant token naming no merchant sees nobody's figures (like the order list), never everyone's.
    if (tenant && !principal.merchantId) return void res.json({ fromDay: q.from, toDay: q.to, sales: [], failures: [], settlements: [] });
    const merchantId = tenant ? principal.merchantId! : '';
    res.json(await callUnary<SalesReportRequest, SalesReport__Output>(analytics.GetSalesReport.bind(analytics), { fromDay: q.from, toDay: q.to, merchantId }));
  });

  return router;
}
