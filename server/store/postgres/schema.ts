// The PostgreSQL schema as ordered migrations; each runs once, recorded in schema_migrations.
// It mirrors the SQLite schema so both stores answer alike:
// - every text column uses the "C" collation: ordering, ranges (scopeClause) and ILIKE then work
//   byte by byte, as SQLite's BINARY collation does, whatever the database's locale;
// - times are ISO text, as in SQLite: they sort as they read and come back exactly as written;
// - definitions, drafts, submission data and prefill are `json`, which keeps the document as
//   written: their key order means something (a schema's properties are its field order, and
//   diffData compares values as JSON text). The other JSON columns are `jsonb`;
// - `seq` numbers submissions in insertion order, for keyset streaming (SQLite's rowid).
export const POSTGRES_MIGRATIONS: string[] = [
  `
  CREATE TABLE users (
    id text COLLATE "C" PRIMARY KEY,
    username text COLLATE "C" NOT NULL CONSTRAINT users_username_key UNIQUE,
    display_name text COLLATE "C" NOT NULL,
    role text COLLATE "C" NOT NULL,
    scope jsonb NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    password_hash text COLLATE "C" NOT NULL,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until text COLLATE "C",
    created_at text COLLATE "C" NOT NULL
  );
  CREATE TABLE sessions (
    token_hash text COLLATE "C" PRIMARY KEY,
    user_id text COLLATE "C" NOT NULL REFERENCES users(id),
    csrf_token text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    last_seen_at text COLLATE "C" NOT NULL,
    expires_at text COLLATE "C" NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE divisions (
    code text COLLATE "C" PRIMARY KEY,
    name text COLLATE "C" NOT NULL,
    parent_code text COLLATE "C"
  );
  CREATE TABLE campaigns (
    id text COLLATE "C" PRIMARY KEY,
    title text COLLATE "C" NOT NULL,
    year integer NOT NULL,
    description text COLLATE "C" NOT NULL,
    parameters jsonb NOT NULL,
    forms jsonb NOT NULL,
    status text COLLATE "C" NOT NULL,
    divisions jsonb NOT NULL,
    created_at text COLLATE "C" NOT NULL
  );
  CREATE TABLE forms (
    id text COLLATE "C" PRIMARY KEY,
    title text COLLATE "C" NOT NULL,
    latest_version integer,
    draft json,
    draft_updated_at text COLLATE "C",
    created_at text COLLATE "C" NOT NULL
  );
  CREATE TABLE form_versions (
    form_id text COLLATE "C" NOT NULL REFERENCES forms(id),
    version integer NOT NULL,
    definition json NOT NULL,
    published_at text COLLATE "C" NOT NULL,
    published_by text COLLATE "C" NOT NULL,
    changes jsonb NOT NULL,
    PRIMARY KEY (form_id, version)
  );
  CREATE TABLE households (
    id text COLLATE "C" PRIMARY KEY,
    division_code text COLLATE "C" NOT NULL,
    head_name text COLLATE "C" NOT NULL,
    head_id_number text COLLATE "C" NOT NULL CONSTRAINT households_head_id_number_key UNIQUE,
    phone text COLLATE "C",
    address text COLLATE "C",
    kind text COLLATE "C",
    identified_month text COLLATE "C",
    risk_eliminated_month text COLLATE "C",
    risk_elimination_method text COLLATE "C",
    main_risk text COLLATE "C",
    removed_members jsonb NOT NULL DEFAULT '[]',
    revision integer NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL
  );
  CREATE INDEX households_division ON households(division_code);
  CREATE INDEX households_head_name ON households(head_name);
  CREATE TABLE household_members (
    household_id text COLLATE "C" NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    position integer NOT NULL,
    name text COLLATE "C" NOT NULL,
    id_number text COLLATE "C" NOT NULL,
    attributes jsonb NOT NULL,
    PRIMARY KEY (household_id, position)
  );
  CREATE INDEX household_members_id ON household_members(id_number);
  CREATE TABLE household_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    submission_id text COLLATE "C",
    changes jsonb NOT NULL
  );
  CREATE INDEX household_events_household ON household_events(household_id);
  CREATE TABLE submissions (
    id text COLLATE "C" CONSTRAINT submissions_pkey PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT submissions_seq_key UNIQUE,
    form_id text COLLATE "C" NOT NULL,
    form_version integer NOT NULL,
    campaign_id text COLLATE "C" NOT NULL,
    household_id text COLLATE "C",
    division_code text COLLATE "C" NOT NULL,
    head_name text COLLATE "C" NOT NULL,
    head_id_number text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL,
    review_level integer NOT NULL,
    data json NOT NULL,
    errors jsonb NOT NULL,
    warnings jsonb NOT NULL,
    prefill json,
    request_hash text COLLATE "C" NOT NULL,
    revision integer NOT NULL,
    return_comment text COLLATE "C",
    unique_key text COLLATE "C" CONSTRAINT submissions_unique_key_key UNIQUE,
    created_by text COLLATE "C" NOT NULL,
    updated_by text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    submitted_at text COLLATE "C",
    approved_at text COLLATE "C"
  );
  CREATE INDEX submissions_form_division ON submissions(form_id, division_code);
  CREATE INDEX submissions_form_status ON submissions(form_id, status, review_level);
  CREATE INDEX submissions_form_updated ON submissions(form_id, updated_at);
  CREATE INDEX submissions_household ON submissions(household_id);
  CREATE TABLE submission_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    username text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL,
    level integer,
    comment text COLLATE "C",
    changes jsonb NOT NULL
  );
  CREATE INDEX submission_events_submission ON submission_events(submission_id);
  `,
  // A form's test cases (run at its next publication) and the cases each version was published with.
  `
  ALTER TABLE forms ADD COLUMN cases json;
  ALTER TABLE form_versions ADD COLUMN cases json;
  `,
  // The reviewer's table, progress and data quality at 100,000 submissions: two covering indexes
  // over every column the table filters and sorts on, one led by the area (scope ranges), one by
  // recency (the default order: first and deep pages without sorting), replacing the narrower
  // ones they begin with; the households of a village by kind and head name with their id, and
  // each household's submissions of a form (progress: who is missing); members by ID number with
  // their household (duplicates across households); submissions with warnings, of a form or of all.
  `
  DROP INDEX submissions_form_division;
  DROP INDEX submissions_form_updated;
  DROP INDEX submissions_household;
  CREATE INDEX submissions_form_scope ON submissions(form_id, division_code, campaign_id, status, review_level, updated_at,
    submitted_at, head_name, head_id_number, household_id, id);
  CREATE INDEX submissions_form_recent ON submissions(form_id, updated_at, id, division_code, campaign_id, status, review_level,
    submitted_at, head_name, head_id_number, household_id);
  CREATE INDEX submissions_household_form ON submissions(household_id, form_id, campaign_id, status);
  CREATE INDEX submissions_warned ON submissions(form_id, division_code, campaign_id) WHERE warnings <> '[]'::jsonb;
  CREATE INDEX submissions_warned_area ON submissions(division_code, campaign_id) WHERE warnings <> '[]'::jsonb;
  CREATE INDEX households_division_kind ON households(division_code, kind, head_name, id);
  DROP INDEX household_members_id;
  CREATE INDEX household_members_id_household ON household_members(id_number, household_id);
  CREATE INDEX household_members_household_id ON household_members(household_id, id_number);
  `,
  // Login throttling (login_attempts: failures per username, known or not, and per client
  // address, counted before a password is checked) replaces the per-user counter; `meta` keeps
  // what preparing the database decided (the demo township seeded or skipped) across starts.
  `
  ALTER TABLE users DROP COLUMN failed_logins;
  ALTER TABLE users DROP COLUMN locked_until;
  CREATE TABLE login_attempts (
    key text COLLATE "C" PRIMARY KEY,
    failures integer NOT NULL,
    window_start text COLLATE "C" NOT NULL,
    locked_until text COLLATE "C"
  );
  CREATE INDEX login_attempts_window ON login_attempts(window_start);
  CREATE TABLE meta (
    name text COLLATE "C" PRIMARY KEY,
    value text COLLATE "C" NOT NULL
  );
  `,
  // Campaigns carry a revision: a change states the one it saw and is made only if it is still the
  // stored one (compare-and-set), so two administrators editing at once never lose a change.
  `
  ALTER TABLE campaigns ADD COLUMN revision integer NOT NULL DEFAULT 1;
  `,
  // A form's draft carries a revision, one more at each save and at each publication (which clears
  // it): a save states the revision it was made from, a publication the one it was shown, and
  // either is refused if the draft has changed since, so a publication never wipes a draft saved
  // while it ran, nor publishes one draft twice.
  `
  ALTER TABLE forms ADD COLUMN draft_revision integer NOT NULL DEFAULT 0;
  `,
  // The registered divisions' history (行政区划调整): imports, new villages, new names, merges and
  // removals, kept for good.
  `
  CREATE TABLE division_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    code text COLLATE "C" NOT NULL,
    name text COLLATE "C" NOT NULL,
    previous_name text COLLATE "C",
    target_code text COLLATE "C",
    count integer,
    note text COLLATE "C"
  );
  CREATE INDEX division_changes_code ON division_changes(code);
  `,
  // Warnings explained (核实说明, per rule id) with each submission and the submit that sent them;
  // a return's notes on fields, kept with the submission until approval and with the return.
  `
  ALTER TABLE submissions ADD COLUMN explanations jsonb NOT NULL DEFAULT '{}'::jsonb;
  ALTER TABLE submissions ADD COLUMN field_notes jsonb NOT NULL DEFAULT '[]'::jsonb;
  ALTER TABLE submission_events ADD COLUMN explanations jsonb;
  ALTER TABLE submission_events ADD COLUMN field_notes jsonb;
  `,
  // Accounts carry a revision, as campaigns do: an administrator disabling an account while
  // another edits it is told, not overwritten.
  `
  ALTER TABLE users ADD COLUMN revision integer NOT NULL DEFAULT 1;
  `,
  // A user's phone, optional: the forms' 填表人联系电话 is filled from it.
  `
  ALTER TABLE users ADD COLUMN phone text COLLATE "C";
  `,
  // A campaign names the version of each form it serves (existing campaigns: the latest published
  // now, what they served until then), what a clone from last year left to confirm, and each
  // adoption of a new version, kept for good.
  `
  ALTER TABLE campaigns ADD COLUMN form_versions jsonb NOT NULL DEFAULT '{}'::jsonb;
  ALTER TABLE campaigns ADD COLUMN unconfirmed jsonb NOT NULL DEFAULT '[]'::jsonb;
  UPDATE campaigns SET form_versions = COALESCE((
    SELECT jsonb_object_agg(f.id, f.latest_version) FROM jsonb_array_elements_text(campaigns.forms) AS j(value) JOIN forms AS f ON f.id = j.value
    WHERE f.latest_version IS NOT NULL), '{}'::jsonb);
  CREATE TABLE campaign_adoptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id text COLLATE "C" NOT NULL,
    form_id text COLLATE "C" NOT NULL,
    from_version integer,
    to_version integer NOT NULL,
    at text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    username text COLLATE "C" NOT NULL,
    move_open boolean NOT NULL
  );
  CREATE INDEX campaign_adoptions_campaign ON campaign_adoptions(campaign_id);
  `,
  // Files (photos, signatures; issue 16): the record of each stored file and its bytes in 256 KB
  // chunks, written under the upload's own id before the record names it (so two servers storing
  // the same file at once keep one copy); and every file a submission's data referred to at any
  // write, kept so that whoever may see the submission may see its files, history included.
  `
  CREATE TABLE attachments (
    reference text COLLATE "C" PRIMARY KEY,
    sha256 text COLLATE "C" NOT NULL,
    content_type text COLLATE "C" NOT NULL,
    size bigint NOT NULL,
    uploaded_by text COLLATE "C" NOT NULL,
    uploaded_at text COLLATE "C" NOT NULL,
    captured_at text COLLATE "C",
    upload_id text COLLATE "C" NOT NULL
  );
  CREATE TABLE attachment_chunks (
    upload_id text COLLATE "C" NOT NULL,
    n integer NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (upload_id, n)
  );
  -- Photos are compressed already: kept out of line as they are, not compressed again.
  ALTER TABLE attachment_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
  CREATE TABLE submission_attachments (
    submission_id text COLLATE "C" NOT NULL,
    reference text COLLATE "C" NOT NULL,
    PRIMARY KEY (submission_id, reference)
  );
  CREATE INDEX submission_attachments_reference ON submission_attachments(reference);
  `,
  // Households to verify (重点核查户, issue 17): one list per village, from applications, warning
  // lists and officers' findings; one open item per application or warning.
  `
  CREATE TABLE verification_items (
    id text COLLATE "C" PRIMARY KEY,
    division_code text COLLATE "C" NOT NULL,
    household_id text COLLATE "C",
    id_number text COLLATE "C",
    name text COLLATE "C" NOT NULL,
    source text COLLATE "C" NOT NULL,
    source_ref text COLLATE "C",
    reason text COLLATE "C" NOT NULL,
    received_at text COLLATE "C" NOT NULL,
    state text COLLATE "C" NOT NULL,
    closed_reason text COLLATE "C",
    submission_id text COLLATE "C",
    created_by text COLLATE "C",
    updated_at text COLLATE "C" NOT NULL,
    revision integer NOT NULL
  );
  CREATE INDEX verification_items_division ON verification_items(division_code, received_at);
  CREATE UNIQUE INDEX verification_items_open_source ON verification_items(source, source_ref) WHERE state = 'open' AND source_ref IS NOT NULL;
  CREATE INDEX verification_items_submission ON verification_items(submission_id) WHERE submission_id IS NOT NULL;
  CREATE INDEX verification_items_household ON verification_items(household_id) WHERE household_id IS NOT NULL;
  `,
  // Departments' warning lists (行业部门筛查预警, issue 17): each matched row as a warning on its
  // household; the verification item it opens is in verification_items (source 'warning').
  `
  CREATE TABLE household_warnings (
    id text COLLATE "C" PRIMARY KEY,
    household_id text COLLATE "C" NOT NULL,
    division_code text COLLATE "C" NOT NULL,
    department text COLLATE "C" NOT NULL,
    list_date text COLLATE "C" NOT NULL,
    name text COLLATE "C" NOT NULL,
    id_number text COLLATE "C",
    reason text COLLATE "C" NOT NULL,
    imported_at text COLLATE "C" NOT NULL,
    imported_by text COLLATE "C" NOT NULL
  );
  CREATE INDEX household_warnings_household ON household_warnings(household_id);
  `,
  // Residents' own applications (纳入监测申请, issue 17): one open application per ID number and
  // county, held by a partial unique index that two servers' INSERTs meet at (ON CONFLICT merges).
  `
  CREATE TABLE applications (
    id text COLLATE "C" PRIMARY KEY,
    receipt text COLLATE "C" NOT NULL UNIQUE,
    county text COLLATE "C" NOT NULL,
    division_code text COLLATE "C" NOT NULL,
    id_number text COLLATE "C" NOT NULL,
    name text COLLATE "C" NOT NULL,
    phone text COLLATE "C" NOT NULL,
    form_id text COLLATE "C" NOT NULL,
    form_version integer NOT NULL,
    data json NOT NULL,
    state text COLLATE "C" NOT NULL,
    reason text COLLATE "C",
    received_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    merges integer NOT NULL,
    verification_item_id text COLLATE "C"
  );
  CREATE UNIQUE INDEX applications_open ON applications(county, id_number) WHERE state IN ('received', 'verifying');
  CREATE INDEX applications_division ON applications(division_code, received_at);
  `,
  // 民主评议 and 公示 as steps of the approval chain (issue 17): each campaign's steps per form, and
  // what villages record for them (meetings, notices, objections), linked to the submissions concerned.
  `
  ALTER TABLE campaigns ADD COLUMN approval_steps jsonb NOT NULL DEFAULT '{}'::jsonb;
  CREATE TABLE deliberations (
    id text COLLATE "C" PRIMARY KEY,
    kind text COLLATE "C" NOT NULL,
    campaign_id text COLLATE "C" NOT NULL,
    form_id text COLLATE "C" NOT NULL,
    step_id text COLLATE "C" NOT NULL,
    division_code text COLLATE "C" NOT NULL,
    body jsonb NOT NULL,
    recorded_by text COLLATE "C" NOT NULL,
    recorded_at text COLLATE "C" NOT NULL,
    revision integer NOT NULL
  );
  CREATE INDEX deliberations_campaign ON deliberations(campaign_id, form_id, division_code);
  CREATE TABLE deliberation_links (
    deliberation_id text COLLATE "C" NOT NULL,
    submission_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (deliberation_id, submission_id)
  );
  CREATE INDEX deliberation_links_submission ON deliberation_links(submission_id);
  `,
  // Uploads cut short (issue 16 follow-up): each upload claims its id before its first chunk and
  // gives the claim up in the transaction that records the file; every chunk says when it was
  // written. What a killed upload leaves (a claim and chunks nothing names) is then told from one
  // going on at another server by age, on the database's clock (removeAbandonedUploads).
  `
  ALTER TABLE attachment_chunks ADD COLUMN written_at timestamptz NOT NULL DEFAULT now();
  CREATE TABLE attachment_uploads (
    upload_id text COLLATE "C" PRIMARY KEY,
    reference text COLLATE "C" NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX attachment_uploads_reference ON attachment_uploads(reference);
  `,
];
