// The SQLite schema as ordered migrations; each runs once, recorded in schema_migrations.
// JSON columns hold TEXT; times are ISO strings (they sort as they read).
export const SQLITE_MIGRATIONS: string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    scope TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE divisions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_code TEXT
  );
  CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    description TEXT NOT NULL,
    parameters TEXT NOT NULL,
    forms TEXT NOT NULL,
    status TEXT NOT NULL,
    divisions TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE forms (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    latest_version INTEGER,
    draft TEXT,
    draft_updated_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE form_versions (
    form_id TEXT NOT NULL REFERENCES forms(id),
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    changes TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
  );
  CREATE TABLE households (
    id TEXT PRIMARY KEY,
    division_code TEXT NOT NULL,
    head_name TEXT NOT NULL,
    head_id_number TEXT NOT NULL UNIQUE,
    phone TEXT,
    address TEXT,
    kind TEXT,
    identified_month TEXT,
    risk_eliminated_month TEXT,
    risk_elimination_method TEXT,
    main_risk TEXT,
    removed_members TEXT NOT NULL DEFAULT '[]',
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX households_division ON households(division_code);
  CREATE INDEX households_head_name ON households(head_name);
  CREATE TABLE household_members (
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    attributes TEXT NOT NULL,
    PRIMARY KEY (household_id, position)
  );
  CREATE INDEX household_members_id ON household_members(id_number);
  CREATE TABLE household_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    submission_id TEXT,
    changes TEXT NOT NULL
  );
  CREATE INDEX household_events_household ON household_events(household_id);
  CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    campaign_id TEXT NOT NULL,
    household_id TEXT,
    division_code TEXT NOT NULL,
    head_name TEXT NOT NULL,
    head_id_number TEXT NOT NULL,
    status TEXT NOT NULL,
    review_level INTEGER NOT NULL,
    data TEXT NOT NULL,
    errors TEXT NOT NULL,
    warnings TEXT NOT NULL,
    prefill TEXT,
    request_hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    return_comment TEXT,
    unique_key TEXT UNIQUE,
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    approved_at TEXT
  );
  CREATE INDEX submissions_form_division ON submissions(form_id, division_code);
  CREATE INDEX submissions_form_status ON submissions(form_id, status, review_level);
  CREATE INDEX submissions_form_updated ON submissions(form_id, updated_at);
  CREATE INDEX submissions_household ON submissions(household_id);
  CREATE TABLE submission_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    level INTEGER,
    comment TEXT,
    changes TEXT NOT NULL
  );
  CREATE INDEX submission_events_submission ON submission_events(submission_id);
  `,
  // A form's test cases (run at its next publication) and the cases each version was published with.
  `
  ALTER TABLE forms ADD COLUMN cases TEXT;
  ALTER TABLE form_versions ADD COLUMN cases TEXT;
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
  CREATE INDEX submissions_warned ON submissions(form_id, division_code, campaign_id) WHERE warnings <> '[]';
  CREATE INDEX submissions_warned_area ON submissions(division_code, campaign_id) WHERE warnings <> '[]';
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
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start TEXT NOT NULL,
    locked_until TEXT
  );
  CREATE INDEX login_attempts_window ON login_attempts(window_start);
  CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Campaigns carry a revision: a change states the one it saw and is made only if it is still the
  // stored one (compare-and-set), so two administrators editing at once never lose a change.
  `
  ALTER TABLE campaigns ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  `,
  // A form's draft carries a revision, one more at each save and at each publication (which clears
  // it): a save states the revision it was made from, a publication the one it was shown, and
  // either is refused if the draft has changed since, so a publication never wipes a draft saved
  // while it ran, nor publishes one draft twice.
  `
  ALTER TABLE forms ADD COLUMN draft_revision INTEGER NOT NULL DEFAULT 0;
  `,
  // The registered divisions' history (行政区划调整): imports, new villages, new names, merges and
  // removals, kept for good; children found by parent for the registered tree.
  `
  CREATE TABLE division_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    previous_name TEXT,
    target_code TEXT,
    count INTEGER,
    note TEXT
  );
  CREATE INDEX division_changes_code ON division_changes(code);
  `,
  // Warnings explained (核实说明, per rule id) with each submission and the submit that sent them;
  // a return's notes on fields, kept with the submission until approval and with the return.
  `
  ALTER TABLE submissions ADD COLUMN explanations TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE submissions ADD COLUMN field_notes TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE submission_events ADD COLUMN explanations TEXT;
  ALTER TABLE submission_events ADD COLUMN field_notes TEXT;
  `,
  // Accounts carry a revision, as campaigns do: an administrator disabling an account while
  // another edits it is told, not overwritten.
  `
  ALTER TABLE users ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  `,
  // A user's phone, optional: the forms' 填表人联系电话 is filled from it.
  `
  ALTER TABLE users ADD COLUMN phone TEXT;
  `,
  // A campaign names the version of each form it serves (existing campaigns: the latest published
  // now, what they served until then), what a clone from last year left to confirm, and each
  // adoption of a new version, kept for good.
  `
  ALTER TABLE campaigns ADD COLUMN form_versions TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE campaigns ADD COLUMN unconfirmed TEXT NOT NULL DEFAULT '[]';
  UPDATE campaigns SET form_versions = COALESCE((
    SELECT json_group_object(f.id, f.latest_version) FROM json_each(campaigns.forms) AS j JOIN forms AS f ON f.id = j.value
    WHERE f.latest_version IS NOT NULL), '{}');
  CREATE TABLE campaign_adoptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id TEXT NOT NULL,
    form_id TEXT NOT NULL,
    from_version INTEGER,
    to_version INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    move_open INTEGER NOT NULL
  );
  CREATE INDEX campaign_adoptions_campaign ON campaign_adoptions(campaign_id);
  `,
  // Files (photos, signatures; issue 16): the record of each stored file (its bytes live under
  // DATA_DIR/attachments), and every file a submission's data referred to at any write, kept so
  // that whoever may see the submission may see its files, history included.
  `
  CREATE TABLE attachments (
    reference TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    captured_at TEXT
  );
  CREATE TABLE submission_attachments (
    submission_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (submission_id, reference)
  );
  CREATE INDEX submission_attachments_reference ON submission_attachments(reference);
  `,
  // Households to verify (重点核查户, issue 17): one list per village, from applications, warning
  // lists and officers' findings; one open item per application or warning.
  `
  CREATE TABLE verification_items (
    id TEXT PRIMARY KEY,
    division_code TEXT NOT NULL,
    household_id TEXT,
    id_number TEXT,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    source_ref TEXT,
    reason TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL,
    closed_reason TEXT,
    submission_id TEXT,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL
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
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL,
    division_code TEXT NOT NULL,
    department TEXT NOT NULL,
    list_date TEXT NOT NULL,
    name TEXT NOT NULL,
    id_number TEXT,
    reason TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
  );
  CREATE INDEX household_warnings_household ON household_warnings(household_id);
  `,
  // Residents' own applications (纳入监测申请, issue 17): one open application per ID number and county.
  `
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    receipt TEXT NOT NULL UNIQUE,
    county TEXT NOT NULL,
    division_code TEXT NOT NULL,
    id_number TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    merges INTEGER NOT NULL,
    verification_item_id TEXT
  );
  CREATE UNIQUE INDEX applications_open ON applications(county, id_number) WHERE state IN ('received', 'verifying');
  CREATE INDEX applications_division ON applications(division_code, received_at);
  `,
  // 民主评议 and 公示 as steps of the approval chain (issue 17): each campaign's steps per form, and
  // what villages record for them (meetings, notices, objections), linked to the submissions concerned.
  `
  ALTER TABLE campaigns ADD COLUMN approval_steps TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE deliberations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    form_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    division_code TEXT NOT NULL,
    body TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    revision INTEGER NOT NULL
  );
  CREATE INDEX deliberations_campaign ON deliberations(campaign_id, form_id, division_code);
  CREATE TABLE deliberation_links (
    deliberation_id TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    PRIMARY KEY (deliberation_id, submission_id)
  );
  CREATE INDEX deliberation_links_submission ON deliberation_links(submission_id);
  `,
  // Uploads cut short (issue 16 follow-up): nothing to add here (temporary files in
  // attachments/incoming/ are told by their age, removeAbandonedUploads); kept so that both stores
  // number their migrations alike.
  `
  SELECT 1;
  `,
];
