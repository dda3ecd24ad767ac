import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Authorization,
  type BillingProviderFields,
  type Charge,
  type ChargeReview,
  type Coverage,
  createAuthorization,
  createCoverage,
  createPayer,
  type GenerationResult,
  generateCharges,
  type NewAuthorization,
  type NewCoverage,
  type NewPayer,
  type Payer,
  reviewCharge,
  saveBillingProvider,
} from './billing-api';
import { billingKeys, patientBillingKeys } from './billing-keys';

/*
 * The writes of the revenue cycle, each owning what it makes stale: a screen calls the hook and handles only
 * its own state (a message, a reset form) in `then`.
 */

type Then<T> = { onSuccess?: (answer: T) => void; onError?: (error: Error) => void | Promise<void> };

/** Every site's charge queue: a coverage or an authorization changes the problems charges have. */
function afterChargesChanged(queryClient: QueryClient) {
  void queryClient.invalidateQueries({
    predicate: ({ queryKey }) => queryKey[0] === 'sites' && queryKey[2] === 'charges',
  });
}

/** Units used are counted from charges: every patient's authorizations read again. */
function afterUnitsChanged(queryClient: QueryClient) {
  void queryClient.invalidateQueries({
    predicate: ({ queryKey }) => queryKey[0] === 'patients' && queryKey[2] === 'authorizations',
  });
}

export function useCreatePayer(then: Then<Payer> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payer: NewPayer) => createPayer(payer),
    onSuccess: (payer) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.payers });
      then.onSuccess?.(payer);
    },
    onError: then.onError,
  });
}

/** The billing provider: its NPI and taxonomy are what the scrubber checks on every charge. */
export function useSaveBillingProvider(siteId: string, version: number, then: Then<unknown> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: BillingProviderFields) => saveBillingProvider(siteId, version, fields),
    onSuccess: (provider) => {
      queryClient.setQueryData(billingKeys.provider(siteId), provider);
      void queryClient.invalidateQueries({ queryKey: billingKeys.charges(siteId) });
      then.onSuccess?.(provider);
    },
    onError: (error) => {
      // A stale version (409): read it again so the next save starts from the latest.
      void queryClient.invalidateQueries({ queryKey: billingKeys.provider(siteId) });
      return then.onError?.(error);
    },
  });
}

/** Makes the charges the record supports: the queue and the authorizations they draw on change. */
export function useGenerateCharges(siteId: string, then: Then<GenerationResult> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, ...range }: { programId: string; from: string; through: string }) =>
      generateCharges(siteId, programId, range),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.charges(siteId) });
      afterUnitsChanged(queryClient);
      then.onSuccess?.(result);
    },
    onError: then.onError,
  });
}

/** Hold, requeue or release one charge read at its version; a refusal reloads the queue. */
export function useReviewCharge(siteId: string, then: Then<Charge> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ charge, review }: { charge: Pick<Charge, 'id' | 'version'>; review: ChargeReview }) =>
      reviewCharge(siteId, charge, review),
    onSuccess: then.onSuccess,
    onError: then.onError,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: billingKeys.charges(siteId) }),
  });
}

export function useCreateCoverage(patientId: string, then: Then<Coverage> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (coverage: NewCoverage) => createCoverage(patientId, coverage),
    onSuccess: (coverage) => {
      void queryClient.invalidateQueries({ queryKey: patientBillingKeys.coverages(patientId) });
      afterChargesChanged(queryClient);
      then.onSuccess?.(coverage);
    },
    onError: then.onError,
  });
}

/** An authorization recorded later takes on the charges it covers: the queue changes with it. */
export function useCreateAuthorization(patientId: string, then: Then<Authorization> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (authorization: NewAuthorization) => createAuthorization(patientId, authorization),
    onSuccess: (authorization) => {
      void queryClient.invalidateQueries({ queryKey: patientBillingKeys.authorizations(patientId) });
      afterChargesChanged(queryClient);
      then.onSuccess?.(authorization);
    },
    onError: then.onError,
  });
}
