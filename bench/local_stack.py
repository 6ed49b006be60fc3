"""The local stack (bin/snapkeep-local) run by the bench: start with N dump-workers, stop, find processes and logs."""
import os
import re
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

READY_LINE = "Stop with Ctrl-C"
POSTGRES_LINE = re.compile(r"^PostgreSQL\s+(\S+):(\d+) database \S+, user (\S+)(.*)$")
CATALOG_URL = "http://127.0.0.1:8080"
S3_ENDPOINT = "http://127.0.0.1:19000"
S3_ACCESS_KEY = "snapkeep-local"
BUCKET = "snapkeep"
START_TIMEOUT = 300


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str
    password: str

    def env(self):
        env = dict(os.environ, PGHOST=self.host, PGPORT=str(self.port), PGUSER=self.user)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env


class LocalStack:
    """bin/snapkeep-local in the foreground, its home under bench/work/stack."""

    def __init__(self, repo, home):
        self.repo = Path(repo)
        self.home = Path(home)
        self.process = None
        self.postgres = None

    def start(self, dump_workers, env=None):
        for port in (8080, 8081, 8082, 8083, 19000, 19092):
            if _port_open(port):
                raise RuntimeError(f"port {port} is taken: stop bin/snapkeep-local (and any test run) first")
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, **(env or {}), SNAPKEEP_HOME=str(self.home), SNAPKEEP_DUMP_WORKERS=str(dump_workers))
        self.process = subprocess.Popen([str(self.repo / "bin/snapkeep-local")], cwd=self.repo, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + START_TIMEOUT
        for line in self.process.stdout:
            match = POSTGRES_LINE.match(line.strip())
            if match:
                self.postgres = self._postgres(match)
            if READY_LINE in line:
                threading.Thread(target=self._drain, daemon=True).start()
                return
            if time.monotonic() > deadline:
                break
        self.stop()
        raise RuntimeError("the local stack did not start; see " + str(self.home / "logs"))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=120)
        self.process = None

    def _drain(self):
        for _ in self.process.stdout:
            pass

    def admin_token(self):
        """The bootstrap admin token the launcher made (mode 600)."""
        return (self.home / "admin.token").read_text().strip()

    def s3_secret(self):
        return (self.home / "s3-secret.key").read_text().strip()

    def dump_worker_logs(self):
        logs = self.home / "logs"
        return [logs / "dump-worker.log"] + sorted(logs.glob("dump-worker-*/dump-worker.log"))

    @staticmethod
    def pids(module):
        out = subprocess.run(["pgrep", "-f", f"{module}/target/quarkus-app/quarkus-run.jar"],
                             capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]

    def _postgres(self, match):
        host, port, user, rest = match.group(1), int(match.group(2)), match.group(3), match.group(4)
        password = os.environ.get("SNAPKEEP_PG_PASSWORD", "")
        if "password in" in rest:
            password = (self.home / "postgres.password").read_text().strip()
        return Postgres(host, port, user, password)


def _port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0
