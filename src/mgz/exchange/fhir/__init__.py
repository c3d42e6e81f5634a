"""FHIR R4 exchange with the Dutch nl-core (zib 2020) profiles (covenant 4.1.2).

fhir_export builds resources from the registry and the handover; fhir_import reads them back
into facts and stores one patient's contacts and handover (JSON and XML, both through
fhir.resources); views serve the REST API under /fhir/.
"""
