// Standalone entry: starts the backend on the configured database, seeding the demo journeys on first start.

import { buildApp } from './app';
import { readConfig } from './config';
import { seedDemo } from './demo/seed';

const config = readConfig();
const { app, database } = await buildApp({
  databaseUrl: config.databaseUrl,
  logLevel: config.logLevel,
  demoDesigner: config.demoDesigner,
  auth: config.auth,
  extensionOrigins: config.extensionOrigins,
  rateLimit: config.rateLimitPerMinute === 0 ? false : { max: config.rateLimitPerMinute, windowMs: 60_000 },
});

if (config.demo) {
  const started = Date.now();
  const summary = await seedDemo(database, { seed: config.demoSeed, contacts: config.demoContacts });
  if (summary.journeys > 0) {
    app.log.info({ ...summary, millis: Date.now() - started }, 'demo journeys seeded');
  }
}

const address = await app.listen({ host: config.host, port: config.port });
app.log.info({ address, database: database.location }, 'backend started');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'backend stopping');
    app.close().then(
      () => {
        app.log.info({ signal }, 'backend stopped');
        process.exit(0);
      },
      (error) => {
        app.log.error({ err: error }, 'backend failed to stop cleanly');
        process.exit(1);
      },
    );
  });
}
