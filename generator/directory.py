"""The validated directory: every content file, as models, indexed by id.

Produced once by ``generator.load.load_directory`` after all checks pass; the site
renderer, the routing-table builder and the open-data export consume it and never
read YAML themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.models import Advisor, Organisation, Program, Region, RegionTerritory
from generator.vocab import RegionCode


@dataclass(frozen=True)
class Directory:
    regions: dict[str, Region]  # by id (slug), in official-code order
    organisations: dict[str, Organisation]  # by id, sorted by id
    advisors: dict[str, Advisor]
    programs: dict[str, Program]
    territories: dict[str, RegionTerritory] = field(default_factory=dict)  # by region id

    def region_by_code(self, code: RegionCode | str) -> Region:
        for region in self.regions.values():
            if region.code == code:
                return region
        raise KeyError(code)

    def erac_of(self, region: Region) -> Organisation:
        return self.organisations[region.erac]

    def advisors_in(self, region: Region) -> list[Advisor]:
        return [a for a in self.advisors.values() if a.region == region.code]

    def organisations_in(self, region: Region) -> list[Organisation]:
        return [o for o in self.organisations.values() if o.regions == "all" or region.code in o.regions]

    def programs_in(self, region: Region) -> list[Program]:
        return [p for p in self.programs.values() if p.regions == "all" or region.code in p.regions]
