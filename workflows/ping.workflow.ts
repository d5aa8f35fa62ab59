import { proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { pingStatusQuery, type PingInput, type PingResult, type PingStatus, type PingStep } from './ping.contract';

const { recordPing, publishEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

/** Records a ping through the diagnostics service, waits if asked, then announces it on Kafka. */
export async function pingWorkflow(input: PingInput): Promise<PingResult> {
  const status: PingStatus = { state: 'RECORDING', timeline: [] };
  setHandler(pingStatusQuery, () => status);
  const mark = (step: PingStep['step'], stepStatus: PingStep['status']) => {
    // Date.now() is deterministic inside a workflow: it is the time of the current workflow task.
    status.timeline.push({ step, status: stepStatus, at: new Date().toISOString() });
  };
  const { workflowId } = workflowInfo();

  try {
    mark('record-ping', 'STARTED');
    const ping = await recordPing({ pingId: input.pingId, message: input.message, idempotencyKey: `${workflowId}:record-ping` });
    mark('record-ping', 'COMPLETED');

    if (input.delaySeconds > 0) {
      status.state = 'WAITING';
      mark('wait', 'STARTED');
      await sleep(input.delaySeconds * 1000);
      mark('wait', 'COMPLETED');
    }

    status.state = 'PUBLISHING';
    mark('publish-event', 'STARTED');
    // The event id comes from the workflow id, so a retried publish carries the same id.
    const eventId = `${workflowId}:ping.completed`;
    await publishEvent({
      topic: 'system',
      event: { id: eventId, type: 'system.ping.completed', source: '/workflows/ping', subject: input.pingId, data: { ...ping } },
    });
    mark('publish-event', 'COMPLETED');
    status.state = 'COMPLETED';
    return { pingId: ping.pingId, recordedAt: ping.recordedAt, eventId };
  } catch (err) {
    status.state = 'FAILED';
    throw err;
  }
}
