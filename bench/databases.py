"""The bench's databases: pgbench tables plus random text and random bytes, so that the dump compresses like real
data (pgbench tables alone compress about 50x; with a quarter of the size each in hex text and in random bytes the
custom-format dump is about 3x smaller than the database)."""
import subprocess

PGBENCH_MB_PER_SCALE = 15.0
TEXT_ROW_BYTES = 300
BYTES_ROW_BYTES = 1100
SHARE_PGBENCH, SHARE_TEXT, SHARE_BYTES = 0.5, 0.25, 0.25


class Databases:
    def __init__(self, postgres):
        self.env = postgres.env()

    def sql(self, statement, database="postgres"):
        done = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", statement],
                              env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"psql on {database}: {done.stderr.strip()}")
        return done.stdout.strip()

    def size_bytes(self, database):
        return int(self.sql(f"SELECT pg_database_size('{database}')"))

    def mixed(self, name, size_gb):
        """Builds database {name} of about {size_gb} GB, or keeps it when an earlier run built it at that size."""
        label = f"snapkeep bench, mixed data, {size_gb} GB"
        if not self._create_unless_labelled(name, label):
            return
        megabytes = size_gb * 1000
        scale = max(1, round(megabytes * SHARE_PGBENCH / PGBENCH_MB_PER_SCALE))
        subprocess.run(["pgbench", "-i", "-q", "-s", str(scale), name], env=self.env, check=True,
                       capture_output=True)
        text_rows = int(megabytes * 1e6 * SHARE_TEXT / TEXT_ROW_BYTES)
        byte_rows = int(megabytes * 1e6 * SHARE_BYTES / BYTES_ROW_BYTES)
        self.sql("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);"
                 "INSERT INTO notes SELECT g, (SELECT string_agg(md5(random()::text), ' ')"
                 f" FROM generate_series(1, 8) WHERE g > 0) FROM generate_series(1, {text_rows}) g;"
                 "CREATE TABLE attachments (id bigint PRIMARY KEY, content bytea NOT NULL);"
                 "INSERT INTO attachments SELECT g, (SELECT string_agg(uuid_send(gen_random_uuid()), ''::bytea)"
                 f" FROM generate_series(1, 64) WHERE g > 0) FROM generate_series(1, {byte_rows}) g", name)
        self.sql("VACUUM ANALYZE notes", name)
        self.sql("VACUUM ANALYZE attachments", name)
        self.sql("CHECKPOINT")
        self.sql(f"COMMENT ON DATABASE \"{name}\" IS '{label}'")

    def pgbench_only(self, name, scale):
        label = f"snapkeep bench, pgbench scale {scale}"
        if not self._create_unless_labelled(name, label):
            return
        subprocess.run(["pgbench", "-i", "-q", "-s", str(scale), name], env=self.env, check=True,
                       capture_output=True)
        self.sql(f"COMMENT ON DATABASE \"{name}\" IS '{label}'")

    def _create_unless_labelled(self, name, label):
        """@return False when an earlier run left {name} complete (labelled), else True with {name} created empty"""
        if self.sql(f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'") \
                == label:
            return False
        self.create_empty(name)
        return True

    def copy(self, template, name):
        self.drop(name)
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def create_empty(self, name):
        self.drop(name)
        self.sql(f'CREATE DATABASE "{name}"')

    def drop(self, name):
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_like(self, prefix):
        """Drops the databases whose name starts with {prefix} (a restore's kept previous copies)."""
        for name in self.sql(f"SELECT datname FROM pg_database WHERE starts_with(datname, '{prefix}')").split():
            self.drop(name)
