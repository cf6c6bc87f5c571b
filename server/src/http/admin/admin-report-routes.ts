import { z } from 'zod';
import { dayReport, dayReportCsv, localDayBounds } from '../../hub/day-report.js';
import { errorResponse, json } from '../../transport/json-response.js';
import type { Router } from '../router.js';
import { type AdminDeps, addAdminRoute } from './admin-deps.js';
import { notFound } from './save-answer.js';

const ReportQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-05')
    .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)), 'must be a real date')
    .optional(),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
});

/**
 * `GET /api/admin/rooms/:name/report?date=YYYY-MM-DD&format=json|csv`: a room's day (its local
 * date; today by default): chats, answered, missed, waits, first responses, durations, result
 * codes. Computed from the stored conversations that ended that day, so a restart changes nothing.
 */
export function addAdminReportRoutes(router: Router, deps: AdminDeps): void {
  addAdminRoute(router, deps, 'GET', '/api/admin/rooms/:name/report', async (request, { name }) => {
    const room = deps.settings.get('room', name!);
    if (room?.kind !== 'room') return notFound(`room ${name}`);
    const query = ReportQuery.safeParse(Object.fromEntries(request.query));
    if (!query.success) return errorResponse(400, 'BAD_REQUEST', query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const timeZone = room.value.timeZone;
    const date = query.data.date ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock.now());
    const { from, to } = localDayBounds(date, timeZone);
    const records = await deps.store.conversations.endedBetween(room.value.name, from, to);
    const report = dayReport(room.value.name, date, timeZone, records, room.value.resultCodes);
    if (query.data.format === 'json') return json(200, report);
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="parley-${room.value.name}-${date}.csv"` },
      body: dayReportCsv(report),
    };
  });
}
