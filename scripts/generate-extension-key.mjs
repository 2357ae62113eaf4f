// Generates the RSA key pair behind the manifest "key" and prints the public key and the extension id it gives.
// Chrome derives an unpacked extension's id from this public key instead of from the folder path, so every
// checkout loads with the same id. The private key is only needed to sign a CRX package; it is written to the
// path given with --private-key-out and never to the repository.
//
// Usage: node scripts/generate-extension-key.mjs [--private-key-out <file.pem>]

import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';

/** Maps the first 32 hex digits of sha256(SPKI DER) to the letters a-p, as Chrome does for extension ids. */
function extensionIdOf(publicKeyDer) {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' });

const flag = process.argv.indexOf('--private-key-out');
if (flag !== -1) {
  const path = process.argv[flag + 1];
  if (!path) {
    console.error('--private-key-out needs a file path, e.g. --private-key-out ~/journey-segments.pem');
    process.exit(1);
  }
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  console.log(`private key written to ${path}`);
}

console.log(`key (manifest.json "key"): ${publicKeyDer.toString('base64')}`);
console.log(`extension id: ${extensionIdOf(publicKeyDer)}`);
