import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_CONTRACT_FILE, webContractSource } from './web-contract';

describe('the web contract (src/web/shared/api/openapi.d.ts)', () => {
  it('is what the server’s OpenAPI document generates today', async () => {
    const checkedIn = fs.existsSync(WEB_CONTRACT_FILE) ? fs.readFileSync(WEB_CONTRACT_FILE, 'utf8') : '';
    const fresh = await webContractSource();
    expect(
      checkedIn === fresh,
      'src/web/shared/api/openapi.d.ts is out of date with the API: run npm run api:types',
    ).toBe(true);
  });
});
