import { Button, Group, Modal, Stack, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { FormAlert, useServerErrors } from '../shared/form-feedback';
import type { Charge } from './billing-api';
import { useReviewCharge } from './billing-mutations';

/**
 * A charge's review buttons: Hold (asks why), Return to queue, Release. Release stays off while the scrubber
 * finds a problem (they are listed under the row); a refusal of the server is shown there too.
 */
export function ChargeActions({
  siteId,
  charge,
  onRefused,
  onDone,
}: {
  siteId: string;
  charge: Charge;
  onRefused: (message: string) => void;
  onDone: () => void;
}) {
  const [holding, { open, close }] = useDisclosure(false);
  const review = useReviewCharge(siteId, { onSuccess: onDone, onError: (error) => onRefused(error.message) });
  if (charge.status === 'billed' || charge.status === 'void') return null;
  const label = `${charge.patient.name} ${charge.serviceDate}`;
  const blocked = charge.problems.length > 0;
  return (
    <Stack gap={4} align="stretch" w={130}>
      {charge.status !== 'held' && (
        <Button size="compact-sm" variant="light" color="yellow" onClick={open} aria-label={`Hold ${label}`}>
          Hold
        </Button>
      )}
      {charge.status !== 'queued' && (
        <Button
          size="compact-sm"
          variant="light"
          loading={review.isPending}
          onClick={() => review.mutate({ charge, review: { status: 'queued', holdReason: null } })}
          aria-label={`Return ${label} to queue`}
        >
          Return to queue
        </Button>
      )}
      {charge.status === 'queued' && (
        <Tooltip
          label={blocked ? charge.problems.map((p) => p.message).join(' ') : 'Ready for a claim'}
          multiline
          w={280}
        >
          <Button
            size="compact-sm"
            loading={review.isPending}
            disabled={blocked}
            onClick={() => review.mutate({ charge, review: { status: 'released', holdReason: null } })}
            aria-label={`Release ${label}`}
          >
            Release
          </Button>
        </Tooltip>
      )}
      <HoldDialog siteId={siteId} charge={charge} opened={holding} onClose={close} />
    </Stack>
  );
}

function HoldDialog({
  siteId,
  charge,
  opened,
  onClose,
}: {
  siteId: string;
  charge: Charge;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: { holdReason: '' },
    validate: { holdReason: (reason) => (reason.trim() ? null : 'Say why the charge is held.') },
  });
  const server = useServerErrors(form);
  const review = useReviewCharge(siteId, {
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: server.show,
  });
  const submit = form.onSubmit(({ holdReason }) => {
    server.clear();
    review.mutate({ charge, review: { status: 'held', holdReason: holdReason.trim() } });
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Hold the charge for ${charge.patient.name}`}>
      <form onSubmit={submit} noValidate aria-label="Hold the charge">
        <Stack gap="sm">
          <Textarea
            label="Why is it held?"
            autosize
            minRows={2}
            maxLength={300}
            data-autofocus
            {...form.getInputProps('holdReason')}
          />
          <FormAlert message={server.banner} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="yellow" loading={review.isPending}>
              Hold charge
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
