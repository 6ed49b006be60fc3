"""When a dump-worker started pg_dump for a job, read from the workers' logs ("job <id>: pg_dump started")."""
import re
import time
from datetime import datetime

LINE = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) .*job (\S+): pg_dump started")


class DumpStartedLog:
    def __init__(self, log_files):
        self.offsets = {path: path.stat().st_size if path.exists() else 0 for path in log_files}
        self.started = {}

    def wait_for(self, job_id, timeout=60):
        """@return the wall-clock time (epoch seconds) the log gives for the start of job_id's pg_dump"""
        deadline = time.monotonic() + timeout
        while job_id not in self.started:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no 'pg_dump started' line for job {job_id} within {timeout} s")
            self._read_new_lines()
            time.sleep(0.01)
        return self.started[job_id]

    def _read_new_lines(self):
        for path, offset in self.offsets.items():
            if not path.exists():
                continue
            with path.open("rb") as log:
                log.seek(offset)
                chunk = log.read()
            complete = chunk[:chunk.rfind(b"\n") + 1]
            self.offsets[path] = offset + len(complete)
            for line in complete.decode(errors="replace").splitlines():
                match = LINE.match(line)
                if match:
                    stamp = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f")
                    self.started[match.group(2)] = stamp.timestamp()
