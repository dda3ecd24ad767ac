/** The portal's own queries (the patient's side); the mutations that change them invalidate these. */
export const portalKeys = {
  me: ['portal', 'me'] as const,
  invitation: (token: string) => ['portal', 'invitation', token] as const,
};
