-- Access keys (#17): a key's secret is kept only as its SHA-256 hash. A key is revoked, never
-- deleted, so that its id is never handed out again. Key changes enter the log of changes too,
-- so that every process learns of a revocation.

CREATE TABLE api_keys (
  id       VARCHAR(40)  PRIMARY KEY,
  role     VARCHAR(20)  NOT NULL,
  subject  VARCHAR(200),
  label    VARCHAR(200) NOT NULL,
  hash     VARCHAR(64)  NOT NULL,
  revoked  BOOLEAN      NOT NULL,
  changed  BIGINT       NOT NULL
);
