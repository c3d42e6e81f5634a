from django.contrib import admin

from mgz.registry import models


class SubregionInline(admin.TabularInline):
    model = models.Subregion
    extra = 0


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "anw_weekday_start", "anw_weekday_end"]
    search_fields = ["code", "name"]
    inlines = [SubregionInline]


@admin.register(models.Subregion)
class SubregionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "region", "contracted", "pgb_only"]
    list_filter = ["kind", "contracted", "pgb_only", "region"]
    search_fields = ["code", "name", "agb", "ura", "kvk"]


@admin.register(models.Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "organisation", "kind", "treatment_model", "status", "capacity"]
    list_filter = ["kind", "treatment_model", "status", "region"]
    search_fields = ["code", "name", "postcode", "city"]
    autocomplete_fields = ["organisation", "hap"]


class ProfessionalRoleInline(admin.TabularInline):
    model = models.ProfessionalRole
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(models.Professional)
class ProfessionalAdmin(admin.ModelAdmin):
    list_display = ["code", "__str__", "discipline", "big", "agb"]
    list_filter = ["discipline"]
    search_fields = ["code", "family_name", "big", "agb", "uzi"]
    inlines = [ProfessionalRoleInline]


class CareTeamInline(admin.TabularInline):
    model = models.CareTeamMember
    extra = 0
    autocomplete_fields = ["professional"]


class ContactInline(admin.TabularInline):
    model = models.ContactPerson
    extra = 0


@admin.register(models.Patient)
class PatientAdmin(admin.ModelAdmin):
    # The BSN never shows in lists; search by BSN goes through the keyed hash in the services.
    list_display = ["code", "__str__", "zorgprofiel", "sector", "leveringsvorm", "location"]
    list_filter = ["sector", "leveringsvorm", "behandeling_ingekocht", "region"]
    search_fields = ["code", "family_name"]
    autocomplete_fields = ["location", "ion_practice", "coordinator"]
    inlines = [CareTeamInline, ContactInline]
