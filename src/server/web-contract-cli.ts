import fs from 'node:fs';
import { WEB_CONTRACT_FILE, webContractSource } from './web-contract';

// `npm run api:types`: writes the web app's types of the API from the server's own OpenAPI document.
fs.writeFileSync(WEB_CONTRACT_FILE, await webContractSource());
console.log(`Wrote ${WEB_CONTRACT_FILE}`);
