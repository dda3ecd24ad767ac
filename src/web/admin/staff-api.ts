import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLES as ALL_STAFF_ROLES } from '../../domain/staff/staff-roles';
import { answer, client, idempotent, ifMatch, type Schema, withoutEmpty } from '../shared/api/client';

// Staff administration: the organization's accounts, roles, sites and supervisors (the administrator's).
export type StaffMember = Schema<'StaffAccount'>;
export type StaffFields = Schema<'StaffChangeRequest'>;
export type NewStaffMember = Schema<'StaffCreateRequest'>;
export type StaffInvitation = Schema<'StaffInvitation'>;
export type StaffFilter = { siteId: string; role: string; active: string };

/** The roles the server's permission table knows, in the order the screens offer them. */
export const STAFF_ROLES: readonly StaffMember['role'][] = ALL_STAFF_ROLES;

export const staffKeys = {
  all: ['staff'] as const,
  list: (filter: StaffFilter) => [...staffKeys.all, 'list', filter] as const,
  sites: ['sites'] as const,
};

export function useStaffList(filter: StaffFilter) {
  return useQuery({
    queryKey: staffKeys.list(filter),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/staff', {
          params: {
            query: withoutEmpty({
              siteId: filter.siteId,
              role: filter.role as StaffMember['role'] | '',
              active: filter.active as 'true' | 'false' | '',
            }),
          },
          signal,
        }),
      ),
  });
}

/** Every active staff member: the supervisor picker chooses among the licensed ones. */
export function useAllStaff() {
  return useStaffList({ siteId: '', role: '', active: 'true' });
}

export function useSites() {
  return useQuery({
    queryKey: staffKeys.sites,
    queryFn: ({ signal }) => answer(client.GET('/api/sites', { signal })),
    staleTime: 300_000,
  });
}

function useStaffMutation<A, T>(run: (args: A) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

export function useInviteStaff() {
  return useStaffMutation((body: NewStaffMember) =>
    answer(client.POST('/api/staff', { body, ...idempotent() })),
  );
}

export function useChangeStaff(member: StaffMember) {
  return useStaffMutation((body: StaffFields) =>
    answer(
      client.PUT('/api/staff/{userId}', {
        params: { path: { userId: member.id } },
        body,
        ...ifMatch(member.version),
      }),
    ),
  );
}

export type StaffAction = 'deactivate' | 'reactivate' | 'unlock';

export function useStaffAction(userId: string) {
  return useStaffMutation((action: StaffAction) =>
    answer(
      client.POST(`/api/staff/{userId}/${action}`, {
        params: { path: { userId } },
        body: {},
      }),
    ),
  );
}

export function useResetAuthenticator(userId: string) {
  return useStaffMutation((reason: string) =>
    answer(
      client.POST('/api/staff/{userId}/reset-authenticator', {
        params: { path: { userId } },
        body: { reason },
      }),
    ),
  );
}

export function useReissueInvitation(userId: string) {
  return useStaffMutation(() =>
    answer(client.POST('/api/staff/{userId}/invitation', { params: { path: { userId } }, body: {} })),
  );
}

export function useStaffInvitation(token: string) {
  return useQuery({
    queryKey: ['staff-invitations', token],
    queryFn: ({ signal }) =>
      answer(client.GET('/api/staff-invitations/{token}', { params: { path: { token } }, signal })),
    retry: false,
  });
}

export function acceptStaffInvitation(token: string, password: string) {
  return answer(
    client.POST('/api/staff-invitations/{token}/accept', { params: { path: { token } }, body: { password } }),
  );
}
