"""What is timed: the baselines as an operator would run them, and Snapkeep through its API."""
import os
import subprocess
import time
from pathlib import Path

from local_stack import BUCKET, S3_ACCESS_KEY, S3_ENDPOINT


def run(args, env, stdin=None):
    done = subprocess.run(args, env=env, stdin=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")


def timed(action):
    start = time.monotonic()
    action()
    return time.monotonic() - start


class Aws:
    """The AWS CLI against the stack's S3 store, path-style, with its default transfer settings."""

    def __init__(self, work_dir, secret):
        config = Path(work_dir) / "aws-config"
        config.write_text("[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n")
        self.env = dict(os.environ, AWS_CONFIG_FILE=str(config), AWS_ACCESS_KEY_ID=S3_ACCESS_KEY,
                        AWS_SECRET_ACCESS_KEY=secret, AWS_SHARED_CREDENTIALS_FILE="/dev/null")

    def command(self, *args):
        return ["aws", "--endpoint-url", S3_ENDPOINT, "s3", *args]

    def url(self, key):
        return f"s3://{BUCKET}/bench/{key}"

    def copy(self, path, key):
        run(self.command("cp", "--no-progress", str(path), self.url(key)), self.env)

    def remove(self, key):
        run(self.command("rm", self.url(key)), self.env)

    def bucket(self):
        return BUCKET

    def download(self, url, path):
        run(self.command("cp", "--no-progress", url, str(path)), self.env)


class Baselines:
    def __init__(self, postgres, aws):
        self.pg_env = postgres.env()
        self.aws = aws

    def pg_dump_to_file(self, database, path, *options):
        run(["pg_dump", "-Fc", *options, "-f", str(path), database], self.pg_env)

    def pg_dump_to_s3(self, database, key):
        """The cron-script peer: pg_dump -Fc | aws s3 cp - s3://...; fails when either side fails."""
        dump = subprocess.Popen(["pg_dump", "-Fc", database], env=self.pg_env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        upload = subprocess.run(self.aws.command("cp", "--no-progress", "-", self.aws.url(key)), env=self.aws.env,
                                stdin=dump.stdout, capture_output=True, text=True)
        dump.stdout.close()
        dump_error = dump.stderr.read().decode()
        if dump.wait() != 0 or upload.returncode != 0:
            raise RuntimeError(f"pg_dump | aws s3 cp failed: {dump_error} {upload.stderr}")

    def pg_dump_zstd_to_file(self, database, path):
        """The floor for Snapkeep's codec: pg_dump -Fc -Z0 | zstd -1 -T2 > file; fails when either side fails."""
        dump = subprocess.Popen(["pg_dump", "-Fc", "-Z0", database], env=self.pg_env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        with open(path, "wb") as out:
            packed = subprocess.run(["zstd", "-q", "-1", "-T2", "-c"], stdin=dump.stdout, stdout=out,
                                    stderr=subprocess.PIPE, text=True)
        dump.stdout.close()
        dump_error = dump.stderr.read().decode()
        if dump.wait() != 0 or packed.returncode != 0:
            raise RuntimeError(f"pg_dump -Z0 | zstd failed: {dump_error} {packed.stderr}")

    def pg_restore(self, path, database, jobs=1):
        run(["pg_restore", "-j", str(jobs), "-d", database, str(path)], self.pg_env)
