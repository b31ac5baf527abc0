-- The store of a Koppel server (#17): each record as its JSON form, and a log of changes that
-- every server process follows. The same SQL runs on H2 (in PostgreSQL mode) and PostgreSQL.

CREATE TABLE organisations (
  id      VARCHAR(200) PRIMARY KEY,
  body    TEXT         NOT NULL,
  changed BIGINT       NOT NULL
);

CREATE TABLE vacancies (
  id              VARCHAR(200) PRIMARY KEY,
  organisation_id VARCHAR(200) NOT NULL,
  body            TEXT         NOT NULL,
  changed         BIGINT       NOT NULL
);

CREATE INDEX vacancies_by_organisation ON vacancies (organisation_id);

CREATE TABLE volunteers (
  id      VARCHAR(200) PRIMARY KEY,
  body    TEXT         NOT NULL,
  changed BIGINT       NOT NULL
);

-- The data version: each write transaction raises it first, so that its row lock orders the
-- writers of every process and the changes commit in the order of their seq.
CREATE TABLE store_version (
  id  INT    PRIMARY KEY,
  seq BIGINT NOT NULL
);

INSERT INTO store_version (id, seq) VALUES (1, 0);

-- One row per committed change, in commit order: the data version is the last seq.
CREATE TABLE changes (
  seq     BIGINT       PRIMARY KEY,
  kind    VARCHAR(20)  NOT NULL,
  id      VARCHAR(200) NOT NULL,
  deleted BOOLEAN      NOT NULL
);
