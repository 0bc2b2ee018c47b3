// `npm start -w @ipr/server`: PORT (default 8787), DATA_DIR (default .data), DATABASE_URL, CORS_ORIGINS (comma-separated),
// CATALOGUE_SIZE, LARGE_ATTACHMENT_EMAIL.
import { startServer } from './node.js';

const env = process.env;
const server = await startServer({
  port: Number(env.PORT ?? 8787),
  hostname: env.HOST ?? '127.0.0.1',
  dataDir: env.DATA_DIR ?? '.data',
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  corsOrigins: (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  ...(env.CATALOGUE_SIZE ? { catalogueSize: Number(env.CATALOGUE_SIZE) } : {}),
  ...(env.LARGE_ATTACHMENT_EMAIL ? { emailForLargeAttachments: env.LARGE_ATTACHMENT_EMAIL } : {}),
  onDatabaseLost: (error) => {
    console.error(`IPR reference API: the database stopped (${error.message}); exiting so a supervisor can restart it`);
    process.exit(1);
  },
});
console.log(
  `IPR reference API listening on ${server.url} (started in ${Math.round(server.startupMs)} ms${env.DATABASE_URL ? ', PostgreSQL' : `, data in ${env.DATA_DIR ?? '.data'}`})`,
);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
