import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ClinicZone } from './clinic-zone';
import type { Site } from './session';

interface CurrentSite {
  site: Site | null;
  sites: Site[];
  chooseSite: (siteId: string) => void;
}

const CurrentSiteContext = createContext<CurrentSite | null>(null);

// Remembered per user, so two people sharing a workstation each get their own site back.
const storageKey = (userId: string) => `openiop.site.${userId}`;

function readRemembered(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function CurrentSiteProvider({
  userId,
  sites,
  children,
}: {
  userId: string;
  sites: Site[];
  children: ReactNode;
}) {
  const [chosenId, setChosenId] = useState<string | null>(() => readRemembered(userId));
  const site = sites.find((candidate) => candidate.id === chosenId) ?? sites[0] ?? null;

  const chooseSite = useCallback(
    (siteId: string) => {
      setChosenId(siteId);
      try {
        localStorage.setItem(storageKey(userId), siteId);
      } catch {
        // Not remembered across reloads, still switched for now.
      }
    },
    [userId],
  );

  const value = useMemo(() => ({ site, sites, chooseSite }), [site, sites, chooseSite]);
  return (
    <CurrentSiteContext.Provider value={value}>
      {site ? <ClinicZone timeZone={site.timeZone}>{children}</ClinicZone> : children}
    </CurrentSiteContext.Provider>
  );
}

export function useCurrentSite(): CurrentSite {
  const value = useContext(CurrentSiteContext);
  if (!value) throw new Error('useCurrentSite must be used inside CurrentSiteProvider');
  return value;
}
