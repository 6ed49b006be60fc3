-- The PEM CA certificate an instance's server certificate must chain to (sslmode verify-ca / verify-full); not secret.
alter table instance add column ssl_root_cert text;
