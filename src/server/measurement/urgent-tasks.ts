import type { z } from '@hono/zod-openapi';
import { AppError } from '../platform/errors';
import type { PatientContext, UserContext } from '../platform/http/route-wrappers';
import type { UrgentTask, UrgentTaskList } from './measurement.schema';
import { acknowledgeTask, findTask, listMyOpenTasks, listPatientTasks } from './measurement.store';
import { taskJson } from './measurement-json';

/** The patient's urgent tasks (open ones drive the chart banner). */
export async function patientTasks(
  ctx: PatientContext,
  status: 'open' | 'all',
): Promise<z.infer<typeof UrgentTaskList>> {
  const rows = await listPatientTasks(ctx.tx, ctx.patient.id, status);
  await ctx.audit('urgent_task.list', 'urgent_task', null);
  const items = rows.map(taskJson);
  return { items, total: items.length };
}

/** Acknowledging an urgent task is recorded in the audit log; a task is acknowledged once. */
export async function acknowledgeUrgentTask(
  ctx: PatientContext,
  taskId: string,
  note: string | null,
): Promise<z.infer<typeof UrgentTask>> {
  const { tx, patient } = ctx;
  const updated = await acknowledgeTask(tx, patient.id, taskId, ctx.actor.userId, ctx.now, note);
  if (!updated) {
    const existing = await findTask(tx, patient.id, taskId);
    if (!existing) throw AppError.notFound('The task');
    throw AppError.conflict('This task was already acknowledged.', 'task_already_acknowledged');
  }
  await ctx.audit('urgent_task.acknowledge', 'urgent_task', updated.id, { type: updated.type });
  const [row] = (await listPatientTasks(tx, patient.id, 'all')).filter((r) => r.task.id === updated.id);
  if (!row) throw AppError.notFound('The task');
  return taskJson(row);
}

/** My open urgent tasks: assigned to me, or at my sites with no primary clinician; oldest first. */
export async function myOpenTasks(
  ctx: UserContext,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<z.infer<typeof UrgentTaskList>> {
  const { actor } = ctx;
  const found = await listMyOpenTasks(ctx.tx, actor.userId, actor.siteIds, page, pageSize);
  // Each task names its patient: one audit row for each.
  await ctx.auditEach(
    found.items.map((r) => ({
      action: 'urgent_task.list',
      entity: 'urgent_task',
      entityId: r.task.id,
      patientId: r.task.patientId,
      siteId: r.task.siteId,
    })),
  );
  return { items: found.items.map(taskJson), page, pageSize, total: found.total };
}
