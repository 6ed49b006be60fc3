"""Snapkeep against pg_dump to a local file (the limit), pg_dump | aws s3 cp - (the cron-script peer), pg_restore and
aws s3 cp, on the local stack, in one run: contenders alternate, medians and ratios go to bench/results/."""
import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import peak_memory
from catalog_api import CatalogApi
from contenders import Aws, Baselines, timed
from databases import Databases
from dump_started import DumpStartedLog
from local_stack import CATALOG_URL, LocalStack
from report import Report, Row, median, percentile

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
MAIN, LARGE, SMALL, TINY = "skbench_main", "skbench_x4", "skbench_small", "skbench_tiny"
FRESH = "skbench_fresh"
EIGHT = [f"skbench_eight_{i}" for i in range(1, 9)]
RSS_LIMIT_MIB = 300
RSS_FLAT = 1.15
MEMORY_SERVICES = ("catalog-service", "dump-worker")
PHASES = ("snapshot", "memory", "restore", "upload", "export", "dispatch", "workers")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-gb", type=float, default=1.5, help="size of the main database (1.5)")
    parser.add_argument("--runs", type=int, default=3, help="runs per contender (3)")
    parser.add_argument("--dispatch-runs", type=int, default=50, help="small snapshots timed for dispatch (50)")
    parser.add_argument("--work-dir", type=Path, default=BENCH / "work", help="dumps and the stack's data")
    parser.add_argument("--only", default=",".join(PHASES),
                        help="comma-separated phases to run, of " + ", ".join(PHASES) + " (all)")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")
    args.only = [phase.strip() for phase in args.only.split(",")]
    unknown = [phase for phase in args.only if phase not in PHASES]
    if unknown:
        parser.error("unknown phase(s): " + ", ".join(unknown))
    return args


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = args.work_dir
        self.work.mkdir(parents=True, exist_ok=True)
        self.stack = LocalStack(REPO, self.work / "stack")
        self.report = Report()
        self.notes = []
        self.ids = {}

    def run(self):
        self.say(f"starting the local stack (one dump-worker) under {self.stack.home}")
        self.stack.start(dump_workers=1)
        try:
            self.prepare()
            phases = {"snapshot": self.snapshots, "memory": self.memory, "restore": self.restores,
                      "upload": self.uploads, "export": self.exports, "dispatch": self.dispatch,
                      "workers": self.eight_instances}
            for phase in PHASES:
                if phase in self.args.only:
                    phases[phase]()
        finally:
            self.stack.stop()
        return self.write()

    def prepare(self):
        pg = self.stack.postgres
        self.db = Databases(pg)
        self.api = CatalogApi(CATALOG_URL, self.stack.admin_token())
        self.aws = Aws(self.work, self.stack.s3_secret())
        self.baselines = Baselines(pg, self.aws)
        size = self.args.size_gb
        self.say(f"building {MAIN} (~{size} GB), {LARGE} (~{4 * size} GB), {SMALL} (~{size / 8:.2f} GB) "
                 f"and {TINY}; kept for the next run when the size is the same")
        self.db.mixed(MAIN, size)
        self.db.mixed(LARGE, 4 * size)
        self.db.mixed(SMALL, round(size / 8, 3))
        self.db.pgbench_only(TINY, 1)
        for name in (MAIN, LARGE, TINY):
            self.ids[name] = self.api.register(name, pg, name)
        self.say(f"warming up: a pg_dump of {MAIN} to /dev/null and a Snapkeep snapshot of {TINY}")
        self.baselines.pg_dump_to_file(MAIN, "/dev/null", "--no-sync")
        self.snapshot_and_delete(TINY)

    def snapshots(self):
        dump = self.work / "local.dump"
        contenders = {
            "pg_dump -Fc to a local file": lambda: self.baselines.pg_dump_to_file(MAIN, dump),
            "pg_dump -Fc -Z1 to a local file": lambda: self.baselines.pg_dump_to_file(MAIN, self.work / "z1.dump",
                                                                                     "-Z1"),
            "pg_dump -Fc | aws s3 cp -": lambda: self.baselines.pg_dump_to_s3(MAIN, "peer.dump"),
            "pg_dump -Fc -Z0 | zstd -1 -T2 > file": lambda: self.baselines.pg_dump_zstd_to_file(
                MAIN, self.work / "z0.dump.zst"),
            "Snapkeep snapshot": self.measured_snapshot,
        }
        self.alternate("snapshot", contenders)
        self.aws.remove("peer.dump")
        self.dump_size = dump.stat().st_size
        self.db_size = self.db.size_bytes(MAIN)
        ratio = self.db_size / self.dump_size
        self.notes.append(f"{MAIN}: {self.db_size / 1e9:.2f} GB in PostgreSQL, pg_dump -Fc {self.dump_size / 1e6:.0f}"
                          f" MB: compresses {ratio:.1f}x (pgbench tables alone: about 50x)")
        r = self.report
        r.at_most("snapshot vs local pg_dump", "Snapkeep snapshot", "pg_dump -Fc to a local file", 0.30)
        r.at_most("snapshot vs pg_dump -Z0 | zstd -1 -T2 (the codec's floor)", "Snapkeep snapshot",
                  "pg_dump -Fc -Z0 | zstd -1 -T2 > file", 1.30)
        stored = self.last_stored_bytes
        r.add(Row("stored size vs the pg_dump -Fc file", f"{stored / 1e6:.0f} MB stored",
                  f"{self.dump_size / 1e6:.0f} MB (pg_dump -Fc)", stored / self.dump_size, "<= 1.00x",
                  stored <= self.dump_size))
        self.notes.append(f"pg_dump -Fc -Z0 | zstd -1 -T2: {(self.work / 'z0.dump.zst').stat().st_size / 1e6:.0f} MB;"
                          f" Snapkeep's sealed object {stored / 1e6:.0f} MB")
        r.at_most("snapshot vs cron-script peer", "Snapkeep snapshot", "pg_dump -Fc | aws s3 cp -", 1.00)
        r.at_most("snapshot vs local pg_dump at Snapkeep's -Z1 (reference)", "Snapkeep snapshot",
                  "pg_dump -Fc -Z1 to a local file", None)

    def measured_snapshot(self):
        start = time.monotonic()
        snapshot_id, _ = self.api.snapshot(self.ids[MAIN])
        done = self.api.await_snapshot(snapshot_id)
        seconds = time.monotonic() - start
        self.last_stored_bytes = done["storage"]["storedBytes"]
        self.replace_last_snapshot(snapshot_id)
        return seconds

    def memory(self):
        for scale, name in (("1x", MAIN), ("4x", LARGE)):
            self.say(f"snapshot of {name} for the memory check at {scale}")
            pids = self.reset_peaks()
            seconds = timed(lambda: self.snapshot_and_delete(name))
            self.record_peaks(pids, scale)
            self.notes.append(f"{name}: {self.db.size_bytes(name) / 1e9:.2f} GB, snapshot in {seconds:.1f} s "
                              "(memory check)")
        for service in MEMORY_SERVICES:
            one, four = (max(self.report.samples[f"peak RSS {service} {scale} (MiB)"]) for scale in ("1x", "4x"))
            growth = four / one
            worker = service.endswith("worker")
            limit = f" and < {RSS_LIMIT_MIB} MiB" if worker else ""
            self.report.add(Row(f"peak RSS {service}, 4x database vs 1x", f"{four:.0f} MiB at 4x",
                                f"{one:.0f} MiB at 1x", growth, f"<= {RSS_FLAT:.2f}x{limit}",
                                growth <= RSS_FLAT and (not worker or max(one, four) < RSS_LIMIT_MIB)))

    def restores(self):
        dump = self.work / "local.dump"
        if not dump.exists():
            self.baselines.pg_dump_to_file(MAIN, dump)
        contenders = {
            "pg_restore -d fresh": lambda: self.pg_restore_fresh(dump, 1),
            "pg_restore -j 2 -d fresh": lambda: self.pg_restore_fresh(dump, 2),
            "Snapkeep restore in place": lambda: self.restore_in_place(1),
            "Snapkeep restore in place, parallelJobs 2": lambda: self.restore_in_place(2),
        }
        self.alternate("restore", contenders, untimed_after=self.drop_restore_leftovers)
        r = self.report
        r.at_most("restore vs pg_restore", "Snapkeep restore in place", "pg_restore -d fresh", 1.10)
        r.at_most("parallel restore vs pg_restore -j 2", "Snapkeep restore in place, parallelJobs 2",
                  "pg_restore -j 2 -d fresh", 1.10)

    def pg_restore_fresh(self, dump, jobs):
        self.db.create_empty(FRESH)
        start = time.monotonic()
        self.baselines.pg_restore(dump, FRESH, jobs)
        return time.monotonic() - start

    def restore_in_place(self, parallel_jobs):
        if not getattr(self, "last_snapshot", None):
            snapshot_id, _ = self.api.snapshot(self.ids[MAIN])
            self.api.await_snapshot(snapshot_id)
            self.last_snapshot = snapshot_id
        start = time.monotonic()
        job_id = self.api.restore(self.last_snapshot, parallel_jobs)
        self.api.await_job(job_id)
        return time.monotonic() - start

    def drop_restore_leftovers(self):
        self.db.drop(FRESH)
        self.db.drop_like(MAIN + "__prev_")

    def uploads(self):
        upload = self.work / f"upload-{4 * self.args.size_gb}gb.dump"
        if not upload.exists():
            self.say(f"making the upload file: pg_dump -Fc -Z1 of {LARGE}")
            self.baselines.pg_dump_to_file(LARGE, upload, "-Z1")
        contenders = {
            "aws s3 cp file": lambda: self.aws.copy(upload, "upload.dump"),
            "Snapkeep upload (curl -T)": lambda: self.measured_upload(upload),
        }
        self.alternate("upload", contenders)
        self.aws.remove("upload.dump")
        self.notes.append(f"upload file: {upload.stat().st_size / 1e9:.2f} GB (pg_dump -Fc -Z1 of {LARGE})")
        self.report.at_most("upload vs aws s3 cp", "Snapkeep upload (curl -T)", "aws s3 cp file", 1.30)

    def exports(self):
        """An uploaded archive exported through the API (opened on the way out) vs aws s3 cp of its raw object."""
        upload = self.work / f"upload-{4 * self.args.size_gb}gb.dump"
        if not upload.exists():
            self.baselines.pg_dump_to_file(LARGE, upload, "-Z1")
        snapshot_id = self.api.upload(upload, self.ids[MAIN])
        raw = f"s3://{self.aws.bucket()}/snapshots/{self.ids[MAIN]}/{snapshot_id}/upload.dump"
        target = self.work / "export.download"
        contenders = {
            "aws s3 cp of the raw object": lambda: self.aws.download(raw, target),
            "Snapkeep export (curl -o)": lambda: self.api.export(snapshot_id, target),
        }
        self.alternate("export", contenders)
        target.unlink(missing_ok=True)
        self.api.delete_snapshot(snapshot_id)
        self.report.at_most("export vs aws s3 cp download", "Snapkeep export (curl -o)", "aws s3 cp of the raw object",
                            1.20)

    def measured_upload(self, upload):
        start = time.monotonic()
        snapshot_id = self.api.upload(upload, self.ids[MAIN])
        seconds = time.monotonic() - start
        self.api.delete_snapshot(snapshot_id)
        return seconds

    def dispatch(self):
        self.say(f"dispatch latency over {self.args.dispatch_runs} snapshots of {TINY}")
        latencies = []
        for _ in range(self.args.dispatch_runs):
            log = DumpStartedLog(self.stack.dump_worker_logs())
            asked = time.time()
            snapshot_id, job_id = self.api.snapshot(self.ids[TINY])
            latencies.append(log.wait_for(job_id) - asked)
            self.api.await_snapshot(snapshot_id)
            self.api.delete_snapshot(snapshot_id)
        for value in latencies:
            self.report.record("dispatch: API call to pg_dump started", value)
        p50, p95 = median(latencies), percentile(latencies, 0.95)
        self.report.add(Row("dispatch, API call to pg_dump started", f"p50 {p50 * 1000:.0f} ms, "
                            f"p95 {p95 * 1000:.0f} ms", "-", p50 / 0.2, "p50 <= 200 ms", p50 <= 0.2))

    def eight_instances(self):
        for name in EIGHT:
            self.db.copy(SMALL, name)
            self.ids[name] = self.api.register(name, self.stack.postgres, name)
        self.say("8 instances at once, one dump-worker vs two, one job at a time each (A B B A A B; the stack "
                 "restarts in between)")
        workers_now = 0
        for round_, workers in enumerate([1, 2, 2, 1, 1, 2][:2 * self.args.runs]):
            if workers != workers_now:
                self.stack.stop()
                self.stack.start(dump_workers=workers, env={"SNAPKEEP_WORKER_MAX_CONCURRENT_JOBS": "1"})
                self.snapshot_and_delete(TINY)
                workers_now = workers
            seconds = self.snapshot_all(EIGHT)
            self.report.record(f"8 instances, {workers} dump-worker(s)", seconds)
            self.say(f"  run {round_ + 1}: {workers} worker(s) {seconds:.1f} s")
        one, two = (median(self.report.samples[f"8 instances, {n} dump-worker(s)"]) for n in (1, 2))
        self.report.add(Row("8 instances at once, two dump-workers vs one (speed-up)", f"{two:.1f} s with two",
                            f"{one:.1f} s with one", one / two, ">= 1.80x", one / two >= 1.8))
        for name in EIGHT:
            self.db.drop(name)
        self.notes.append(f"8 instances: copies of {SMALL}; each dump-worker with snapkeep.worker.max-concurrent-jobs=1,"
                          " so that the second worker, not a second slot, is what is measured")

    def snapshot_all(self, names):
        start = time.monotonic()
        started = [self.api.snapshot(self.ids[name])[0] for name in names]
        for snapshot_id in started:
            self.api.await_snapshot(snapshot_id)
        seconds = time.monotonic() - start
        for snapshot_id in started:
            self.api.delete_snapshot(snapshot_id)
        return seconds

    def alternate(self, what, contenders, untimed_after=None):
        """Runs each contender --runs times, rotating the order every round; a contender's own return value, when
        it gives one, is its time (to leave out its untimed set-up)."""
        names = list(contenders)
        for round_ in range(self.args.runs):
            order = names[round_ % len(names):] + names[:round_ % len(names)]
            for name in order:
                start = time.monotonic()
                own = contenders[name]()
                seconds = own if isinstance(own, float) else time.monotonic() - start
                self.report.record(name, seconds)
                self.say(f"  {what} run {round_ + 1}: {name}: {seconds:.2f} s")
                if untimed_after:
                    untimed_after()

    def snapshot_and_delete(self, name):
        snapshot_id, _ = self.api.snapshot(self.ids[name])
        self.api.await_snapshot(snapshot_id)
        self.api.delete_snapshot(snapshot_id)

    def replace_last_snapshot(self, snapshot_id):
        previous = getattr(self, "last_snapshot", None)
        if previous:
            self.api.delete_snapshot(previous)
        self.last_snapshot = snapshot_id

    def reset_peaks(self):
        pids = {service: self.stack.pids(service) for service in MEMORY_SERVICES}
        for service_pids in pids.values():
            for pid in service_pids:
                peak_memory.reset(pid)
        return pids

    def record_peaks(self, pids, scale):
        for service, service_pids in pids.items():
            self.report.record(f"peak RSS {service} {scale} (MiB)",
                               max(peak_memory.peak_mib(pid) for pid in service_pids))

    def write(self):
        stamp = datetime.now(timezone.utc)
        machine = machine_facts(stamp)
        self.notes.append("medians of runs that alternate the contenders; every service at its local-stack "
                          "defaults (-Xmx256m, dump-worker: 2 jobs at once, pg_dump -Fc -Z0 into zstd -1 and AES-GCM); baselines run as an "
                          "operator would type them (pg_dump's default compression)")
        self.notes.append(f"reproduce: bench/run --size-gb {self.args.size_gb} --runs {self.args.runs} "
                          f"--dispatch-runs {self.args.dispatch_runs}")
        text = self.report.markdown("Snapkeep benchmark", machine, self.notes)
        results = BENCH / "results"
        results.mkdir(exist_ok=True)
        path = results / f"{stamp.strftime('%Y-%m-%dT%H%MZ')}.md"
        path.write_text(text)
        print(self.report.table())
        print(f"\nwritten to {path}")
        return 0 if all(row.met is not False for row in self.report.rows) else 1

    @staticmethod
    def say(message):
        print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def machine_facts(stamp):
    def output(*args):
        try:
            done = subprocess.run(args, capture_output=True, text=True)
            return (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    commit = output("git", "-C", str(REPO), "rev-parse", "--short", "HEAD")
    dirty = output("git", "-C", str(REPO), "status", "--porcelain") != "unknown"
    return {
        "date": stamp.strftime("%Y-%m-%d %H:%M UTC"),
        "host": f"{platform.node()}, {platform.system()} {platform.release()}",
        "cpu": f"{os.cpu_count()} x {cpu}",
        "memory": memory,
        "load average at the end": ", ".join(f"{value:.2f}" for value in os.getloadavg()),
        "PostgreSQL": output("pg_dump", "--version"),
        "Java": output("java", "-version"),
        "AWS CLI": output("aws", "--version"),
        "Snapkeep commit": commit + (" with uncommitted changes" if dirty else ""),
    }


if __name__ == "__main__":
    sys.exit(Bench(arguments()).run())
