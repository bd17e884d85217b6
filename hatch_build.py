"""Build hook: put the shipped reports (data/) inside the wheel as fundanalysis/reports.

Only for a real wheel: an editable install reads data/ from the checkout itself (see
fundanalysis.data.paths), so copying it into site-packages would only leave a stale duplicate.
"""

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShippedReportsHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"]["data"] = "fundanalysis/reports"
