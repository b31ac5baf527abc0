-- Settings that a store carries for every server on it, such as the day the demo city is
-- matched on (#17).
CREATE TABLE server_settings (
  setting_name  VARCHAR(100)  PRIMARY KEY,
  setting_value VARCHAR(1000) NOT NULL
);
