/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { siteDayStart, siteToday } from './site-today';
export { registerSiteRoutes } from './sites.routes';
export { siteTimeZone } from './sites.store';
