"""Plans of one region before they become rows: who lives where, which practice serves whom."""

from __future__ import annotations

from mgz.demo.generator.rows import Row
from mgz.registry.constants import LocationKind, Sector

# The sector each kind of contracted location serves.
SECTOR_OF_KIND = {
    LocationKind.VERPLEEGHUIS: Sector.VV,
    LocationKind.KLEINSCHALIG_WONEN: Sector.VV,
    LocationKind.GECLUSTERD_WONEN: Sector.VV,
    LocationKind.GHZ_WOONVOORZIENING: Sector.GHZ,
    LocationKind.GGZ_WOONVOORZIENING: Sector.GGZ,
}


class PatientPlan:
    __slots__ = (
        "coordinator",
        "home_sub",
        "id",
        "ion",
        "location",
        "lv",
        "only_avg",
        "patient",
        "regie",
        "sector",
        "so_regie",
        "wijk",
        "without_regie",
    )

    def __init__(self, sector: str, lv: str) -> None:
        self.sector, self.lv = sector, lv
        self.location: LocationPlan | None = None
        self.home_sub = 0
        self.ion: PracticePlan | None = None
        self.only_avg = self.so_regie = self.without_regie = False
        self.coordinator: Row | None = None
        self.wijk: Row | None = None


class LocationPlan:
    __slots__ = (
        "avg",
        "gp_practice",
        "kind",
        "met",
        "obj",
        "provider",
        "residents",
        "size",
        "so",
        "sub",
    )

    def __init__(self, kind: str, met: bool, size: int = 0) -> None:
        self.kind, self.met, self.size = kind, met, size
        self.residents: list[PatientPlan] = []
        self.sub = 0
        self.provider: ProviderPlan | None = None
        self.gp_practice: PracticePlan | None = None
        self.so: Row | None = None
        self.avg: Row | None = None
        self.obj: Row | None = None


class PracticePlan:
    __slots__ = ("gps", "home_patients", "locations", "obj", "sub")

    def __init__(self, obj: Row, sub: int) -> None:
        self.obj, self.sub = obj, sub
        self.gps: list[Row] = []
        self.locations: list[LocationPlan] = []
        self.home_patients: list[PatientPlan] = []


class ProviderPlan:
    __slots__ = ("avgs", "behavioural", "locs", "obj", "sector", "sos")

    def __init__(self, obj: Row, sector: str, locs: list[LocationPlan]) -> None:
        self.obj, self.sector, self.locs = obj, sector, locs
        self.sos: list[Row] = []
        self.avgs: list[Row] = []
        self.behavioural: Row | None = None
