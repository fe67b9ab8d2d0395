-- The quote desk's tables. Applied once, in one transaction, by migrate() (src/store/migrate.ts).
-- Documents (quotes, hand-off payloads) are kept whole as json, which keeps them as
-- written (jsonb would reorder their keys): the engine's formats are the record, the
-- columns beside them are what the desk looks things up by.

-- Settings the processes of one desk share: the signing key when none is given, the
-- secret that makes buyers' access tokens.
create table desk_settings (
  name text primary key,
  value jsonb not null
);

-- API keys, stored only as the SHA-256 of the key (keys are 256 random bits: no salt or
-- slow hash is needed against guessing, and a stolen table gives no key).
create table api_keys (
  id text primary key,
  hash text not null unique,
  role text not null check (role in ('buyer', 'rep', 'approver', 'partner')),
  partner text,
  label text,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((role = 'partner') = (partner is not null))
);

create sequence quote_number_seq;

-- One row per quote number: where it stands, and its current version.
create table quotes (
  number text primary key,
  catalog text not null,
  status text not null check (status in ('pending-approval', 'rejected', 'sent', 'accepted', 'declined', 'expired')),
  version integer not null,
  valid_until date not null,
  -- the deal cell (segment, region, family) the quote becomes a deal of
  cell jsonb not null,
  handoff uuid,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index quotes_status on quotes (status);

-- Every version of every quote, signed once sent; a revision carries its price diff.
create table quote_versions (
  number text not null references quotes (number),
  version integer not null,
  document json not null,
  diff json,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (number, version)
);

-- Hand-offs from buyers' pages: the payload as the configurator made it, the contact,
-- and the price the desk worked out itself.
create table handoffs (
  id uuid primary key,
  status text not null check (status in ('open', 'claimed', 'answered')),
  catalog text not null,
  topic text not null,
  payload json not null,
  contact json not null,
  price json,
  created_by text not null,
  claimed_by text,
  quote_number text references quotes (number),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index handoffs_status on handoffs (status, created_at);

-- What happened, by whom, when: every change to a quote or a hand-off.
create table events (
  id bigserial primary key,
  subject text not null check (subject in ('quote', 'handoff')),
  subject_id text not null,
  version integer,
  type text not null,
  actor text not null,
  detail jsonb,
  at timestamptz not null default now()
);
create index events_subject on events (subject, subject_id, id);

-- Past deals for price guidance: the example deals (seeded into an empty store) and every
-- quote accepted (won) or declined (lost).
create table deals (
  id bigserial primary key,
  quote_number text unique references quotes (number),
  deal jsonb not null,
  created_at timestamptz not null default now()
);
