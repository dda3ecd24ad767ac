import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCurrentSite } from '../shared/current-site';
import { QueryState } from '../shared/query-state';
import type { Site } from '../shared/session';
import { type ProgramSettings, useProgramSettings } from './programs-api';

/** A page about the current site's programs: renders `children` once the site is known and its programs are loaded. */
export function SitePrograms({
  children,
}: {
  children: (site: Site, programs: ProgramSettings[]) => ReactNode;
}) {
  const { site } = useCurrentSite();
  const programs = useProgramSettings(site?.id);
  if (!site) return <Alert color="yellow">You are not a member of any site yet.</Alert>;
  return (
    <QueryState query={programs} loading="Loading programs">
      {(list) => children(site, list.items)}
    </QueryState>
  );
}
