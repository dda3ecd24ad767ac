import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error';
import { answer, client, idempotent, ifMatch, type Schema, withoutEmpty } from '../shared/api/client';
import { billingKeys, type ChargeFilter, patientBillingKeys } from './billing-keys';

// The revenue cycle: the payer directory, a patient's coverages and authorizations, the site's billing
// provider, charges made from the record and the queue billing reviews. Types are the server's schemas
// (shared/api/openapi.d.ts, npm run api:types); the mutations that change them live in billing-mutations.ts.

export type Payer = Schema<'Payer'>;
export type NewPayer = Schema<'PayerRequest'>;
export type Coverage = Schema<'Coverage'>;
export type NewCoverage = Schema<'CoverageRequest'>;
export type Authorization = Schema<'Authorization'>;
export type NewAuthorization = Schema<'AuthorizationRequest'>;
export type AuthorizationAlert = Authorization['alerts'][number];
export type BillingProvider = Schema<'BillingProvider'>;
export type BillingProviderFields = Schema<'BillingProviderRequest'>;
export type GenerationResult = Schema<'ChargeGenerationResult'>;
export type NoChargeReason = GenerationResult['noCharge'][number]['reason'];
export type Charge = Schema<'Charge'>;
export type ChargeStatus = Charge['status'];
export type ChargePage = Schema<'ChargeList'>;
export type ChargeReview = Schema<'ChargeReview'>;

export const CHARGE_PAGE_SIZE = 25;

export function usePayers(enabled = true) {
  return useQuery({
    queryKey: billingKeys.payers,
    queryFn: ({ signal }) => answer(client.GET('/api/payers', { signal })),
    enabled,
    staleTime: 60_000,
  });
}

export function createPayer(body: NewPayer) {
  return answer(client.POST('/api/payers', { body, ...idempotent() }));
}

/** The site's billing provider, or null while none is set (the server answers 404 until the first save). */
export function useBillingProvider(siteId: string | undefined) {
  return useQuery({
    queryKey: billingKeys.provider(siteId),
    queryFn: async ({ signal }): Promise<BillingProvider | null> => {
      try {
        return await answer(
          client.GET('/api/sites/{siteId}/billing-provider', {
            params: { path: { siteId: siteId ?? '' } },
            signal,
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(siteId),
  });
}

/** Saves the billing provider read at `version` (0 before the first save). */
export function saveBillingProvider(siteId: string, version: number, body: BillingProviderFields) {
  return answer(
    client.PUT('/api/sites/{siteId}/billing-provider', {
      params: { path: { siteId } },
      body,
      ...ifMatch(version),
    }),
  );
}

export function generateCharges(siteId: string, programId: string, range: { from: string; through: string }) {
  return answer(
    client.POST('/api/sites/{siteId}/programs/{programId}/charges/generate', {
      params: { path: { siteId, programId } },
      body: range,
    }),
  );
}

/** One page of the site's charge queue, filtered; each charge carries the scrubber's problems. */
export function useCharges(siteId: string | undefined, filter: ChargeFilter, page: number) {
  return useQuery({
    queryKey: billingKeys.chargePage(siteId, filter, page),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/charges', {
          params: {
            path: { siteId: siteId ?? '' },
            query: {
              ...(withoutEmpty(filter) as Partial<{
                status: ChargeStatus;
                programId: string;
                from: string;
                through: string;
              }>),
              page,
              pageSize: CHARGE_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    enabled: Boolean(siteId),
    placeholderData: (previous) => previous,
  });
}

export function reviewCharge(siteId: string, charge: Pick<Charge, 'id' | 'version'>, body: ChargeReview) {
  return answer(
    client.PUT('/api/sites/{siteId}/charges/{chargeId}/review', {
      params: { path: { siteId, chargeId: charge.id } },
      body,
      ...ifMatch(charge.version),
    }),
  );
}

const onePatient = (patientId: string) => ({ params: { path: { patientId } } });

export function useCoverages(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: patientBillingKeys.coverages(patientId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/patients/{patientId}/coverages', { ...onePatient(patientId), signal })),
    enabled,
  });
}

export function createCoverage(patientId: string, body: NewCoverage) {
  return answer(
    client.POST('/api/patients/{patientId}/coverages', { ...onePatient(patientId), body, ...idempotent() }),
  );
}

export function useAuthorizations(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: patientBillingKeys.authorizations(patientId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/patients/{patientId}/authorizations', { ...onePatient(patientId), signal })),
    enabled,
  });
}

export function createAuthorization(patientId: string, body: NewAuthorization) {
  return answer(
    client.POST('/api/patients/{patientId}/authorizations', {
      ...onePatient(patientId),
      body,
      ...idempotent(),
    }),
  );
}
