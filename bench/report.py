"""The result table (medians, ratios against the baseline of the same run, targets) and its Markdown file."""
import statistics
from dataclasses import dataclass, field


def cell(text):
    """Table cell text: a pipe in a contender's name (pg_dump | aws s3 cp) must not end the cell."""
    return str(text).replace("|", "\\|")


def median(samples):
    return statistics.median(samples)


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


VERDICT = {True: "yes", False: "**no**", None: "-"}


@dataclass
class Row:
    measure: str
    snapkeep: str
    baseline: str
    ratio: float
    target: str
    met: bool | None


@dataclass
class Report:
    rows: list = field(default_factory=list)
    samples: dict = field(default_factory=dict)

    def record(self, name, value):
        self.samples.setdefault(name, []).append(value)

    def at_most(self, measure, snapkeep_name, baseline_name, limit):
        """A time Snapkeep should keep within limit x the baseline's; no limit: a reference ratio, no target."""
        ours, theirs = median(self.samples[snapkeep_name]), median(self.samples[baseline_name])
        ratio = ours / theirs
        self.rows.append(Row(measure, f"{ours:.2f} s", f"{theirs:.2f} s ({baseline_name})", ratio,
                             "-" if limit is None else f"<= {limit:.2f}x", None if limit is None else ratio <= limit))

    def add(self, row):
        self.rows.append(row)

    def table(self):
        lines = ["| measure | Snapkeep | baseline | ratio | target | met |", "|---|---|---|---|---|---|"]
        for row in self.rows:
            lines.append(f"| {cell(row.measure)} | {cell(row.snapkeep)} | {cell(row.baseline)} | {row.ratio:.2f} | "
                         f"{cell(row.target)} | {VERDICT[row.met]} |")
        return "\n".join(lines)

    def details(self):
        lines = ["| contender | runs | median | all runs |", "|---|---|---|---|"]
        for name, values in self.samples.items():
            lines.append(f"| {cell(name)} | {len(values)} | {median(values):.3f} | "
                         f"{', '.join(f'{v:.3f}' for v in values)} |")
        return "\n".join(lines)

    def markdown(self, title, machine, notes):
        return "\n\n".join([
            f"# {title}",
            "## Machine\n\n" + "\n".join(f"- {key}: {value}" for key, value in machine.items()),
            "## Medians and ratios (Snapkeep / baseline, same run)\n\n" + self.table(),
            "## Every run (seconds, or MiB for memory)\n\n" + self.details(),
            "## Notes\n\n" + "\n".join(f"- {note}" for note in notes),
        ]) + "\n"
