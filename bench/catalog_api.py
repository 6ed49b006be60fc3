"""The catalog's REST API as the bench uses it: register, snapshot, restore, upload, delete, wait."""
import json
import subprocess
import time
import urllib.error
import urllib.request

POLL_SECONDS = 0.05


class CatalogApi:
    def __init__(self, base_url, token):
        self.base = base_url.rstrip("/") + "/api/v1"
        self.auth = "Bearer " + token

    def call(self, method, path, body=None, expect=(200,)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": self.auth})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in expect:
            raise RuntimeError(f"{method} {path} answered {status}: {text}")
        return json.loads(text) if text else None

    def register(self, name, pg, database):
        connection = {"host": pg.host, "port": pg.port, "database": database, "username": pg.user,
                      "password": pg.password, "sslmode": "disable"}
        for instance in self.instances():
            if instance["name"] == name:
                self.call("DELETE", "/instances/" + instance["id"], expect=(204,))
        return self.call("POST", "/instances", {"name": name, "engine": "postgresql", "policy": "free",
                                                "connection": connection}, expect=(201,))["id"]

    def instances(self):
        """Every instance, all pages of GET /instances read."""
        found, page = [], 0
        while True:
            answer = self.call("GET", f"/instances?page={page}&size=500")
            found += answer["items"]
            if len(answer["items"]) < answer["size"] or len(found) >= answer["total"]:
                return found
            page += 1

    def snapshot(self, instance_id, name="bench"):
        """Starts a snapshot; returns (snapshot id, job id)."""
        answer = self.call("POST", "/snapshots", {"instanceId": instance_id, "name": name}, expect=(202,))
        return answer["id"], answer["jobId"]

    def await_snapshot(self, snapshot_id, timeout=3600):
        return self._await("/snapshots/" + snapshot_id, ("COMPLETED",), ("FAILED",), timeout)

    def restore(self, snapshot_id, parallel_jobs=1):
        answer = self.call("POST", f"/snapshots/{snapshot_id}/restore",
                           {"confirm": "RESTORE", "parallelJobs": parallel_jobs}, expect=(202,))
        return answer.get("jobId", answer.get("id"))

    def await_job(self, job_id, timeout=3600):
        return self._await("/jobs/" + job_id, ("SUCCEEDED",), ("FAILED",), timeout)

    def upload(self, path, instance_id, name="bench-upload"):
        """Uploads a file with curl -T, the documented client; returns the snapshot id."""
        out = subprocess.run(["curl", "-sS", "--fail-with-body", "-H", "Authorization: " + self.auth,
                              "-T", str(path),
                              f"{self.base}/snapshots/upload?instanceId={instance_id}&name={name}"],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)["id"]

    def export(self, snapshot_id, path):
        """Downloads the snapshot's archive with curl -o, as an operator would."""
        out = subprocess.run(["curl", "-sS", "--fail", "-H", "Authorization: " + self.auth, "-o", str(path),
                              f"{self.base}/snapshots/{snapshot_id}/content"], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"export of {snapshot_id} failed: {out.stderr}")

    def delete_snapshot(self, snapshot_id):
        self.call("DELETE", "/snapshots/" + snapshot_id, expect=(204,))

    def _await(self, path, done, failed, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.call("GET", path)
            if state["status"] in done:
                return state
            if state["status"] in failed:
                raise RuntimeError(f"{path} ended {state['status']}: {state.get('error')}")
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"{path} did not end within {timeout} s")
