import { duplicateKey } from '@ipr/validators';
import type { Db } from './db/types.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** The schema, in order. The same SQL runs on PGlite and PostgreSQL. Never edit an applied one: add another. */
export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'initial schema',
    sql: `
create table accounts (
  id text primary key,
  role text not null check (role in ('complainant', 'supplier', 'platform')),
  display_name text not null,
  contact jsonb not null,
  token_hash text not null unique
);

create table products (
  id text primary key,
  url text not null unique,
  name text not null,
  supplier_id text not null references accounts(id),
  category text,
  listed boolean not null default true,
  search tsvector generated always as (to_tsvector('simple', name)) stored
);
create index products_search_idx on products using gin (search);
create index products_supplier_idx on products (supplier_id);

create table evidence (
  id text primary key,
  account_id text not null references accounts(id),
  name text not null,
  size integer not null,
  extension text not null,
  kind text not null,
  media_type text not null,
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index evidence_account_idx on evidence (account_id, created_at desc, id desc);

create sequence complaint_number_seq;

create table complaints (
  id text primary key,
  number text not null unique,
  account_id text not null references accounts(id),
  type text not null,
  status text not null,
  description text not null,
  contact jsonb not null,
  disclose_contact boolean not null,
  is_ipr_holder boolean not null,
  holder jsonb,
  declaration jsonb,
  arbitration jsonb,
  receipt jsonb,
  product_count integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index complaints_account_idx on complaints (account_id, created_at desc, id desc);
create index complaints_created_idx on complaints (created_at desc, id desc);

create table complaint_products (
  complaint_id text not null references complaints(id),
  product_id text not null references products(id),
  supplier_id text not null references accounts(id),
  position integer not null,
  status text not null default 'pending',
  supplier_response text,
  supplier_statement text,
  checked_at timestamptz,
  primary key (complaint_id, product_id)
);
create index complaint_products_product_idx on complaint_products (product_id);
create index complaint_products_supplier_idx on complaint_products (supplier_id, complaint_id);

-- purpose: 'evidence' (shown with the complaint), 'identification', 'power_of_attorney' (holder documents)
create table complaint_evidence (
  complaint_id text not null references complaints(id),
  evidence_id text not null references evidence(id),
  purpose text not null,
  position integer not null,
  original boolean not null default false,
  primary key (complaint_id, evidence_id, purpose)
);
create index complaint_evidence_evidence_idx on complaint_evidence (evidence_id);

create table complaint_history (
  seq bigint generated always as identity primary key,
  complaint_id text not null references complaints(id),
  action text not null,
  from_status text,
  to_status text not null,
  actor_id text not null,
  actor_role text not null,
  actor_name text not null,
  at timestamptz not null,
  reason text
);
create index complaint_history_complaint_idx on complaint_history (complaint_id, seq);

create table idempotency_keys (
  account_id text not null references accounts(id),
  key text not null,
  body_hash text not null,
  complaint_id text references complaints(id),
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);
`,
  },
  {
    id: 2,
    name: 'search: CJK unigrams and bigrams in the product tsvector; catalogue-order index',
    // Chinese has no spaces: a name like "LED护眼台灯" is one token to the parser. Indexing each
    // CJK character and each pair of neighbours lets "台灯" (or any substring) hit the GIN index.
    sql: String.raw`
create or replace function cjk_grams(t text) returns text language sql immutable strict parallel safe as $$
  select coalesce(string_agg(
    case when substr(t, i + 1, 1) ~ '[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]'
         then substr(t, i, 1) || ' ' || substr(t, i, 2) else substr(t, i, 1) end, ' ' order by i), '')
  from generate_series(1, length(t)) as i
  where substr(t, i, 1) ~ '[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]'
$$;
alter table products drop column search;
alter table products add column search tsvector generated always as (to_tsvector('simple', name || ' ' || cjk_grams(name))) stored;
create index products_search_idx on products using gin (search);
create index products_listed_id_idx on products (listed desc, id);
`,
  },
  {
    id: 3,
    name: 'saved holder profiles; duplicate key of complaints',
    // `duplicate_key` is `duplicateKey()` of @ipr/validators (type + sorted normalised links, hashed);
    // rows made before this migration get theirs from `backfillDuplicateKeys` (it needs the hash).
    sql: `
create table holder_profiles (
  id text primary key,
  account_id text not null references accounts(id),
  label text not null,
  holder jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index holder_profiles_account_idx on holder_profiles (account_id, created_at desc, id desc);

alter table complaints add column duplicate_key text;
create index complaints_duplicate_idx on complaints (account_id, duplicate_key);
`,
  },
  {
    id: 4,
    name: 'accounts of an identity provider: no token of ours',
    // An account made from a verified JWT's claims has no opaque token (NULL never matches a lookup).
    sql: `alter table accounts alter column token_hash drop not null;`,
  },
  {
    id: 5,
    name: 'evidence bytes in the database; history inserts notify listeners',
    // Several instances on one PostgreSQL: the bytes every instance serves (files/postgres.ts; rows
    // of 256 KiB, stored uncompressed: evidence is mostly compressed already), and a NOTIFY that
    // PostgreSQL delivers at commit, so another instance's event streams wake at once (events-pg.ts).
    // Once per statement, with no payload: notifications of one transaction collapse into one.
    sql: `
create table evidence_files (
  key text primary key,
  size bigint not null,
  created_at timestamptz not null default now()
);
create table evidence_chunks (
  key text not null references evidence_files(key) on delete cascade,
  n integer not null,
  data bytea not null,
  primary key (key, n)
);
alter table evidence_chunks alter column data set storage external;

create function notify_complaint_history() returns trigger language plpgsql as $$
begin
  perform pg_notify('ipr_complaint_history', '');
  return null;
end $$;
create trigger complaint_history_notify after insert on complaint_history
  for each statement execute function notify_complaint_history();
`,
  },
  {
    id: 6,
    name: 'webhooks: endpoints, deliveries queued in the database, attempts',
    // A delivery row is made in the transaction of its history record, so none is lost with a
    // restart; `(endpoint_id, seq)` is unique so one event is queued once per endpoint. The secret is
    // kept as is: signing needs it (HMAC), unlike a token, which is only compared.
    sql: `
create table webhook_endpoints (
  id text primary key,
  account_id text not null references accounts(id),
  url text not null,
  description text not null default '',
  events text[] not null,
  secret text not null,
  created_at timestamptz not null
);
create index webhook_endpoints_account_idx on webhook_endpoints (account_id, created_at desc, id desc);

create table webhook_deliveries (
  id text primary key,
  endpoint_id text not null references webhook_endpoints(id) on delete cascade,
  complaint_id text not null,
  seq bigint not null,
  event_type text not null,
  payload text not null,
  state text not null check (state in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  created_at timestamptz not null,
  unique (endpoint_id, seq)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where state = 'pending';
create index webhook_deliveries_order_idx on webhook_deliveries (endpoint_id, complaint_id, seq) where state = 'pending';
create index webhook_deliveries_log_idx on webhook_deliveries (endpoint_id, seq desc);

create table webhook_attempts (
  n bigint generated always as identity primary key,
  delivery_id text not null references webhook_deliveries(id) on delete cascade,
  at timestamptz not null,
  status integer,
  error text,
  duration_ms integer not null
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, n desc);
`,
  },
  {
    id: 7,
    name: 'perceptual hashes of product pictures and of image evidence',
    // Computed on first use and kept: a picture's hash never changes. `picture_issue` records why an
    // evidence file could not be compared (a decompression bomb, a truncated JPEG…), so it is not
    // decoded again; `picture_thumbnail` is the small JPEG shown beside a match (a data URL).
    sql: `
create table product_picture_hashes (
  product_id text not null references products(id),
  position integer not null,
  hash text not null,
  primary key (product_id, position)
);
alter table evidence add column picture_hash text;
alter table evidence add column picture_mirror text;
alter table evidence add column picture_issue jsonb;
alter table evidence add column picture_thumbnail text;
`,
  },
  {
    id: 8,
    name: 'data versions: what a complaint or a holder profile shows changes its version (ETags)',
    // One sequence numbers every change, so a version is never reused. A complaint's detail shows
    // its products (their status, the supplier's answer), the products' names and listing, the
    // suppliers' names, its evidence and its history: a change to any of them touches the
    // complaint (statement triggers, so an 800-product insert or update touches it once).
    sql: `
create sequence data_version_seq;
alter table complaints add column version bigint not null default 0;
alter table holder_profiles add column version bigint not null default 0;

create function next_data_version() returns trigger language plpgsql as $$
begin
  new.version := nextval('data_version_seq');
  return new;
end $$;
create trigger complaints_version before insert or update on complaints
  for each row execute function next_data_version();
create trigger holder_profiles_version before insert or update on holder_profiles
  for each row execute function next_data_version();

create function touch_complaints_of_rows() returns trigger language plpgsql as $$
begin
  update complaints set version = version where id in (select complaint_id from changed);
  return null;
end $$;
create trigger complaint_products_insert_touch after insert on complaint_products
  referencing new table as changed for each statement execute function touch_complaints_of_rows();
create trigger complaint_products_update_touch after update on complaint_products
  referencing new table as changed for each statement execute function touch_complaints_of_rows();
create trigger complaint_products_delete_touch after delete on complaint_products
  referencing old table as changed for each statement execute function touch_complaints_of_rows();
create trigger complaint_evidence_insert_touch after insert on complaint_evidence
  referencing new table as changed for each statement execute function touch_complaints_of_rows();
create trigger complaint_evidence_delete_touch after delete on complaint_evidence
  referencing old table as changed for each statement execute function touch_complaints_of_rows();
create trigger complaint_history_insert_touch after insert on complaint_history
  referencing new table as changed for each statement execute function touch_complaints_of_rows();

create function touch_complaints_of_products() returns trigger language plpgsql as $$
begin
  update complaints set version = version where id in (
    select cp.complaint_id from complaint_products cp join changed p on p.id = cp.product_id);
  return null;
end $$;
create trigger products_update_touch after update on products
  referencing new table as changed for each statement execute function touch_complaints_of_products();

create function touch_complaints_of_supplier() returns trigger language plpgsql as $$
begin
  update complaints set version = version where id in (
    select complaint_id from complaint_products where supplier_id = new.id);
  return null;
end $$;
create trigger accounts_name_touch after update of display_name on accounts
  for each row when (old.display_name is distinct from new.display_name)
  execute function touch_complaints_of_supplier();
`,
  },
  {
    id: 9,
    name: 'queued webhook deliveries notify the delivery workers; a complaint is touched once per transaction',
    // On PostgreSQL the workers of every instance LISTEN (events-pg.ts) instead of waking on every
    // history record: a create or an action that queues nothing costs the workers no query. Once per
    // statement that inserted rows, at commit.
    // A complaint row this transaction wrote already has a new version (nobody saw the one before):
    // its products, evidence and history written after it need not touch it again. A create did
    // three more updates of its own new row, an action one or two. And each complaint is touched by
    // its primary key: `id in (select … from changed)` was planned, once per session, as a hash join
    // over a sequential scan of every complaint (1.3 ms at 1,400 complaints, three times per create,
    // growing with the table); an equality on the key is an index scan whatever the statistics say.
    sql: `
create or replace function touch_complaints_of_rows() returns trigger language plpgsql as $$
declare
  complaint text;
begin
  for complaint in select distinct complaint_id from changed loop
    update complaints set version = version where id = complaint and xmin <> pg_current_xact_id()::xid;
  end loop;
  return null;
end $$;
create or replace function touch_complaints_of_products() returns trigger language plpgsql as $$
declare
  complaint text;
begin
  for complaint in select distinct cp.complaint_id from complaint_products cp join changed p on p.id = cp.product_id loop
    update complaints set version = version where id = complaint;
  end loop;
  return null;
end $$;

create function notify_webhook_deliveries() returns trigger language plpgsql as $$
begin
  if exists (select 1 from added) then
    perform pg_notify('ipr_webhook_deliveries', '');
  end if;
  return null;
end $$;
create trigger webhook_deliveries_notify after insert on webhook_deliveries
  referencing new table as added
  for each statement execute function notify_webhook_deliveries();
`,
  },
  {
    id: 10,
    name: 'webhook endpoints: enabled, and the previous secret during a rotation',
    // A disabled endpoint is queued nothing and its pending deliveries wait; after a rotation the
    // old secret signs too (a second signature) until previous_secret_until, so a receiver can
    // switch secrets without refusing a delivery.
    sql: `
alter table webhook_endpoints add column enabled boolean not null default true;
alter table webhook_endpoints add column previous_secret text;
alter table webhook_endpoints add column previous_secret_until timestamptz;
`,
  },
];

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * On PostgreSQL an advisory lock keeps two starting servers from migrating at once.
 */
export async function migrate(db: Db): Promise<{ applied: number[] }> {
  await db.exec(
    `create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      if (db.dialect === 'postgres') await tx.query('select pg_advisory_xact_lock(7305001)');
      const { rows } = await tx.query('select 1 from schema_migrations where id = $1', [migration.id]);
      if (rows.length) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  await backfillDuplicateKeys(db);
  await ensureTrigramIndex(db);
  return { applied };
}

/**
 * Substring search (Chinese names, parts of words) is served by a trigram index when the
 * pg_trgm extension is available; without it the same query still answers, by scanning.
 */
async function ensureTrigramIndex(db: Db): Promise<boolean> {
  try {
    await db.exec('create extension if not exists pg_trgm');
    await db.exec('create index if not exists products_name_trgm_idx on products using gin (name gin_trgm_ops)');
    return true;
  } catch {
    return false;
  }
}

/**
 * Complaints made before migration 3 get their duplicate key (idempotent: only rows without one,
 * in batches). The key is computed by the validators, so it cannot be plain SQL.
 */
export async function backfillDuplicateKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; type: string; urls: string[] }>(
      `select c.id, c.type, array(select p.url from complaint_products cp join products p on p.id = cp.product_id
                                  where cp.complaint_id = c.id order by cp.position) as urls
         from complaints c where c.duplicate_key is null order by c.id limit 500`,
    );
    if (!rows.length) return done;
    await db.query(
      `update complaints c set duplicate_key = x.key from unnest($1::text[], $2::text[]) as x(id, key) where c.id = x.id`,
      [rows.map((r) => r.id), rows.map((r) => duplicateKey({ type: r.type, productLinks: r.urls }))],
    );
    done += rows.length;
  }
}
