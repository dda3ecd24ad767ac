import { currentTotp } from '../platform/auth/totp';
import { DEMO_TOTP_SECRET } from './demo-seed';

/** `npm run totp`: the current authenticator code for the demo staff accounts (demo secret only). */
const secret = process.argv[2] ?? DEMO_TOTP_SECRET;
const remaining = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${currentTotp(secret)}  (valid for about ${remaining} more seconds)`);
