/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerAuthRoutes } from './sign-in.routes';
export { Password } from './sign-in.schema';
