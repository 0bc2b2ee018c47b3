// `npm start -w @ipr/server`: PORT (default 8787), DATA_DIR (default .data), DATABASE_URL, CORS_ORIGINS (comma-separated),
// CATALOGUE_SIZE, LARGE_ATTACHMENT_EMAIL, DEMO=1 (the demo data), NODE_ENV=production, JWT_* (src/config.ts).
import { startOptionsFromEnv } from './config.js';
import { startServer } from './node.js';

const env = process.env;
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({
    ...startOptionsFromEnv(env),
    onDatabaseLost: (error) => {
      console.error(
        `IPR reference API: the database stopped (${error.message}); exiting so a supervisor can restart it`,
      );
      process.exit(1);
    },
  });
} catch (error) {
  console.error(`IPR reference API: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(
  `IPR reference API listening on ${server.url} (started in ${Math.round(server.startupMs)} ms${env.DATABASE_URL ? ', PostgreSQL' : `, data in ${env.DATA_DIR ?? '.data'}`})`,
);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
