"""The identifiers, profiles and code systems of the Dutch nl-core (zib 2020) profiles that the
MGZ platform uses, and the maps between them and the registry's own codes.

Sources: the StructureDefinitions in shared/fhir/nictiz-zib2020/profiles (systems and fixed
values) and the published zib 2020 code lists (UZI rolcodes, Vektis COD016, RoleCodeNL
organisation types, WilsverklaringTypeCodelijst, BehandelingCodelijst).
"""

from __future__ import annotations

from mgz.registry.constants import Discipline, OrganisationKind

NICTIZ_SD = "http://nictiz.nl/fhir/StructureDefinition/"
PROFILE = {
    "Patient": NICTIZ_SD + "nl-core-Patient",
    "Practitioner": NICTIZ_SD + "nl-core-HealthProfessional-Practitioner",
    "PractitionerRole": NICTIZ_SD + "nl-core-HealthProfessional-PractitionerRole",
    "Organization": NICTIZ_SD + "nl-core-HealthcareProvider-Organization",
    "CareTeam": NICTIZ_SD + "nl-core-CareTeam",
    "RelatedPerson": NICTIZ_SD + "nl-core-ContactPerson",
    "TreatmentDirective": NICTIZ_SD + "nl-core-TreatmentDirective2",
    "AdvanceDirective": NICTIZ_SD + "nl-core-AdvanceDirective",
}

# Identifier systems (NamingSystems).
BSN = "http://fhir.nl/fhir/NamingSystem/bsn"
BIG = "http://fhir.nl/fhir/NamingSystem/big"
UZI_PERSON = "http://fhir.nl/fhir/NamingSystem/uzi-nr-pers"
AGB = "http://fhir.nl/fhir/NamingSystem/agb-z"
URA = "http://fhir.nl/fhir/NamingSystem/ura"
# The platform's own codes, so an exported resource can be found again on import.
MGZ_NS = "https://mgz.example.nl/fhir/NamingSystem/"
MGZ_PATIENT = MGZ_NS + "patient"
MGZ_PROFESSIONAL = MGZ_NS + "professional"
MGZ_ORGANISATION = MGZ_NS + "organisation"
MGZ_CONTACT = MGZ_NS + "contact"

# Code systems.
SNOMED = "http://snomed.info/sct"
NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/consentcategorycodes"
UZI_ROLE = "http://fhir.nl/fhir/NamingSystem/uzi-rolcode"
COD016 = "urn:oid:2.16.840.1.113883.2.4.6.7"  # Vektis specialisms
ORGANIZATION_TYPE = "http://nictiz.nl/fhir/NamingSystem/organization-type"
ADVANCE_DIRECTIVE_TYPE = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.14.1"
CONTACT_ROLE = "urn:oid:2.16.840.1.113883.2.4.3.11.22.472"  # COD472-VEKT RoleCodeLijst
POLICY_URI = "https://wetten.overheid.nl/"

# Extensions.
EXT_COMMENT = NICTIZ_SD + "ext-Comment"
EXT_SPECIFICATION_OTHER = NICTIZ_SD + "ext-TreatmentDirective2.SpecificationOther"
EXT_REASON_FOR_ENDING = NICTIZ_SD + "ext-TreatmentDirective2.ReasonForEnding"
EXT_ADDITIONAL_ADVANCE_DIRECTIVE = NICTIZ_SD + "ext-TreatmentDirective2.AdvanceDirective"
EXT_NAME_QUALIFIER = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier"
# Modifier extensions the import understands (all others make it refuse the resource).
UNDERSTOOD_MODIFIER_EXTENSIONS = frozenset({EXT_SPECIFICATION_OTHER})

# Disciplines: UZI rolcodes for physicians, Vektis COD016 otherwise (both are in the zib
# specialism value set 2.16.840.1.113883.2.4.3.11.60.121.11.22).
SPECIALTY: dict[str, tuple[str, str, str]] = {
    Discipline.HUISARTS: (UZI_ROLE, "01.015", "Huisarts"),
    Discipline.SO: (UZI_ROLE, "01.047", "Specialist ouderengeneeskunde"),
    Discipline.AVG: (UZI_ROLE, "01.056", "Arts voor verstandelijk gehandicapten"),
    Discipline.VERPLEEGKUNDIGE: (UZI_ROLE, "30.000", "Verpleegkundige"),
    Discipline.PHYSICIAN_ASSISTANT: (UZI_ROLE, "81.000", "Physician assistant"),
    Discipline.GEDRAGSKUNDIGE: (
        COD016,
        "9400",
        "Psychologische zorgverleners, niet nader gespecificeerd",
    ),
    Discipline.GZ_PSYCHOLOOG: (
        COD016,
        "9400",
        "Psychologische zorgverleners, niet nader gespecificeerd",
    ),
    Discipline.ORTHOPEDAGOOG: (
        COD016,
        "9400",
        "Psychologische zorgverleners, niet nader gespecificeerd",
    ),
}
# Reading back: codes from either system that mean a discipline the platform knows.
DISCIPLINE_BY_SPECIALTY: dict[tuple[str, str], str] = {
    (UZI_ROLE, "01.015"): Discipline.HUISARTS,
    (COD016, "0100"): Discipline.HUISARTS,
    (COD016, "0101"): Discipline.HUISARTS,
    (UZI_ROLE, "01.047"): Discipline.SO,
    (COD016, "8418"): Discipline.SO,
    (UZI_ROLE, "01.056"): Discipline.AVG,
    (COD016, "8426"): Discipline.AVG,
    (UZI_ROLE, "30.000"): Discipline.VERPLEEGKUNDIGE,
    (COD016, "9100"): Discipline.VERPLEEGKUNDIGE,
    (UZI_ROLE, "81.000"): Discipline.PHYSICIAN_ASSISTANT,
    (COD016, "9400"): Discipline.GEDRAGSKUNDIGE,
}

ORGANISATION_TYPE: dict[str, tuple[str, str]] = {
    OrganisationKind.ZORGAANBIEDER_VV: ("X3", "Verplegings- of verzorgingsinstelling"),
    OrganisationKind.ZORGAANBIEDER_GHZ: ("G6", "Verstandelijk gehandicaptenzorg"),
    OrganisationKind.ZORGAANBIEDER_GGZ: ("G5", "Geestelijke Gezondheidszorg"),
    OrganisationKind.HUISARTSENPRAKTIJK: ("Z3", "Huisartspraktijk (zelfstandig of groepspraktijk)"),
    OrganisationKind.HAP: ("N6", "Huisartsenpost (t.b.v. dienstwaarneming)"),
}
KIND_BY_ORGANISATION_TYPE: dict[str, str] = {
    code: kind for kind, (code, _) in ORGANISATION_TYPE.items()
} | {"R5": OrganisationKind.ZORGAANBIEDER_VV, "H1": OrganisationKind.HUISARTSENPRAKTIJK}

# CareTeam participant roles (zib HealthProfessionalRole, v3 ParticipationType/RoleCode).
CARE_TEAM_ROLE: dict[str, tuple[str, str, str]] = {
    "regiebehandelaar": (PARTICIPATION_TYPE, "RESP", "responsible party"),
    "medebehandelaar": (PARTICIPATION_TYPE, "ATND", "attender"),
    "consulent": (PARTICIPATION_TYPE, "CON", "consultant"),
}
ROLE_BY_PARTICIPATION: dict[str, str] = {
    "RESP": "regiebehandelaar",
    "ATND": "medebehandelaar",
    "CON": "consulent",
}

# Contact person roles (COD472-VEKT): 01 first contact, 02 second, 24 legal representative.
FIRST_CONTACT = "01"
CONTACT_ROLE_DISPLAY = {
    "01": "Eerste relatie/contactpersoon",
    "02": "Tweede relatie/contactpersoon",
    "24": "Wettelijke vertegenwoordiger",
}
